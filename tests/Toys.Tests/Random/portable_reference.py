# Run: python3 tests/Toys.Tests/Random/portable_reference.py  (prints the golden values used by the C# tests)
# Independent Python transcription of Verify.Toys.Random (xoshiro256** seeded by SplitMix64, polar normals,
# portable ln/sin/cos): Python floats are IEEE doubles, so the same operations give the same bits.
import struct, math
M=(1<<64)-1
def sm(seed):
    s=seed&M
    while True:
        s=(s+0x9E3779B97F4A7C15)&M; z=s
        z=((z^(z>>30))*0xBF58476D1CE4E5B9)&M; z=((z^(z>>27))*0x94D049BB133111EB)&M
        yield z^(z>>31)
def rotl(x,k): return ((x<<k)|(x>>(64-k)))&M
class X:
    def __init__(self,seed):
        g=sm(seed); self.s=[next(g) for _ in range(4)]; self.spare=None
    def u64(self):
        s=self.s; r=(rotl((s[1]*5)&M,7)*9)&M; t=(s[1]<<17)&M
        s[2]^=s[0]; s[3]^=s[1]; s[1]^=s[2]; s[0]^=s[3]; s[2]^=t; s[3]=rotl(s[3],45); return r
    def dbl(self): return (self.u64()>>11)*(1.0/(1<<53))
    def normal(self):
        if self.spare is not None:
            v=self.spare; self.spare=None; return v
        while True:
            u=2.0*self.dbl()-1.0; v=2.0*self.dbl()-1.0; s=u*u+v*v
            if not (s>=1.0 or s==0.0): break
        f=math.sqrt(-2.0*plog(s)/s); self.spare=v*f; return u*f
Ln2Hi=6.93147180369123816490e-01; Ln2Lo=1.90821492927058770002e-10; Sqrt2=1.4142135623730951
def bits(x): return struct.unpack('<q',struct.pack('<d',x))[0]
def frombits(b): return struct.unpack('<d',struct.pack('<q',b))[0]
def plog(x):
    b=bits(x); e=(b>>52)&0x7FF
    if e==0:
        b=bits(x*18014398509481984.0); e=((b>>52)&0x7FF)-54
    ex=e-1023; m=frombits((b&0x000FFFFFFFFFFFFF)|0x3FF0000000000000)
    if m>=Sqrt2: m*=0.5; ex+=1
    s=(m-1.0)/(m+1.0); s2=s*s; ser=1.0/23.0
    for k in range(21,0,-2): ser=ser*s2+1.0/k
    return ex*Ln2Hi+(ex*Ln2Lo+2.0*s*ser)
A=1.57079632673412561417e+00; B=6.07710050630396597660e-11; C=2.02226624871116645580e-21; TwoOverPi=6.36619772367581382433e-01
def red(x):
    k=float(round(x*TwoOverPi)); r=((x-k*A)-k*B)-k*C; return int(k),r
def sk(r):
    r2=r*r; p=-1.0/121645100408832000.0
    for c in [1.0/355687428096000.0,-1.0/1307674368000.0,1.0/6227020800.0,-1.0/39916800.0,1.0/362880.0,-1.0/5040.0,1.0/120.0,-1.0/6.0]: p=p*r2+c
    return r+r*r2*p
def ck(r):
    r2=r*r; p=1.0/2432902008176640000.0
    for c in [-1.0/6402373705728000.0,1.0/20922789888000.0,-1.0/87178291200.0,1.0/479001600.0,-1.0/3628800.0,1.0/40320.0,-1.0/720.0,1.0/24.0]: p=p*r2+c
    tail=r2*r2*p; half=0.5*r2; w=1.0-half; return w+(((1.0-w)-half)+tail)
def psin(x):
    q,r=red(x); q&=3
    return [sk(r),ck(r),-sk(r),-ck(r)][q]
def pcos(x):
    q,r=red(x); q&=3
    return [ck(r),-sk(r),-ck(r),sk(r)][q]
g=X(42); print("normals", [hex(bits(g.normal())&M) for _ in range(6)])
g=X(7); pts=[]
for i in range(3):
    t=1.5*math.pi*(1.0+2.0*g.dbl()); x=t*pcos(t)+0.25*g.normal(); y=t*psin(t)+0.25*g.normal()
    pts += [x/7.5, y/7.5]
print("swiss", [hex(bits(v)&M) for v in pts])
print([float(v) for v in pts])
