using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Xunit;
using Div = Verify.Theory.Divergences;

namespace Verify.Theory.Tests.Divergences;

public sealed class JensenShannonTests
{
    private static readonly double Ln2 = Math.Log(2.0);

    [Fact]
    public void MatchesSciPyToFullDigits()
    {
        // The peer value: JS divergence of [1,0] and [.5,.5] in nats = 0.21576155433883565
        // (SciPy 1.10.1: jensenshannon([1,0],[.5,.5])**2 prints 0.21576155433883562, one ulp from the square root).
        Tolerance.Close(0.21576155433883565, Div.JS([1.0, 0.0], [0.5, 0.5]), rel: 4e-16);
        // SciPy's jensenshannon returns the DISTANCE √JS: jensenshannon([1,0],[.5,.5]) = 0.46450140402245893
        Tolerance.Close(0.46450140402245893, Div.JSDistance([1.0, 0.0], [0.5, 0.5]), rel: 4e-16);
        // jensenshannon([.1,.2,.3,.4],[.25]*4) = 0.16692996572597965; with base=2: 0.2005033225314282
        Tolerance.Close(0.16692996572597965, Div.JSDistance([0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25]), rel: 1e-15);
        Tolerance.Close(0.2005033225314282, Div.JSDistance([0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25], LogBase.Bits), rel: 1e-15);
        // jensenshannon([.2,0,.5,.3],[.1,.4,.1,.4]) = 0.4727407915662313
        Tolerance.Close(0.4727407915662313, Div.JSDistance([0.2, 0.0, 0.5, 0.3], [0.1, 0.4, 0.1, 0.4]), rel: 1e-15);
    }

    [Property(MaxTest = 300)]
    public Property SymmetricBoundedByLog2AndAgreesWithTheEntropyForm() =>
        // Independent route: JS = H(M) − ½H(P) − ½H(Q), Shannon entropies in nats, M = ½(P+Q).
        Prop.ForAll(Laws.VectorPairs, pair =>
        {
            double[] p = pair.P, q = pair.Q;
            double H(IEnumerable<double> v) => -v.Where(x => x > 0).Sum(x => x * Math.Log(x));
            double viaEntropy = H(p.Select((x, i) => 0.5 * (x + q[i]))) - 0.5 * H(p) - 0.5 * H(q);
            double js = Div.JS(p, q);
            return js >= 0 && js <= Ln2 && js == Div.JS(q, p)
                   && Tolerance.IsClose(viaEntropy, js, rel: 1e-12, abs: 1e-14);
        });

    [Property(MaxTest = 200)]
    public Property EqualsLog2OnDisjointSupports() =>
        Prop.ForAll(Laws.DisjointPairs, pair =>
            Tolerance.IsClose(Ln2, Div.JS(pair.P, pair.Q), rel: 1e-15)
            && Tolerance.IsClose(1.0, Div.JS(pair.P, pair.Q, LogBase.Bits), rel: 1e-15));

    [Property(MaxTest = 300)]
    public Property TheDistanceSatisfiesTheTriangleInequality() =>
        // √JS is a metric (Endres & Schindelin 2003).
        Prop.ForAll(Gen.Choose(1, 6).SelectMany(n =>
                Laws.Vector(n).SelectMany(a => Laws.Vector(n).SelectMany(b => Laws.Vector(n).Select(c => (a, b, c))))).ToArbitrary(),
            t => Div.JSDistance(t.a, t.c) <= Div.JSDistance(t.a, t.b) + Div.JSDistance(t.b, t.c) + 1e-12);
}
