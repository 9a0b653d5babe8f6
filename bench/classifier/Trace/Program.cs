using Verify.Networks.Experiments;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.Toys.Images;

// classifier-trace OUT SEED EPOCHS BATCH LR [double|float] [NTRAIN] [SHIFT]   (EPOCHS 0: write the digits only)
// Splits the 10,000 digits as the tests do (Rng 2017: 8,000 train, 2,000 held out; NTRAIN keeps the first NTRAIN), builds DigitClassifier from
// new Rng(SEED).Split(), and trains it with DigitClassifier.Fit, logging per step the loss and each parameter's norm.
// Writes OUT/train.f64, test.f64 (images), train.lbl, test.lbl (int32), init.f64 (the parameters before training, in
// Parameters() order), perms.i32 (each epoch's permutation, drawn as Fit draws them), trace.csv, and prints the accuracy.
string outDir = args[0];
ulong seed = ulong.Parse(args[1]);
int epochs = int.Parse(args[2]), batch = int.Parse(args[3]);
double lr = double.Parse(args[4]);
bool dbl = args.Length < 6 || args[5] == "double";
int ntrain = args.Length < 7 ? 8000 : int.Parse(args[6]);
int shift = args.Length < 8 ? 0 : int.Parse(args[7]);
Directory.CreateDirectory(outDir);
MnistSet set = Mnist.Load(symmetric: true);
int[] perm = new Rng(2017).Permutation(set.Count);
(double[] X, int[] Y) Take(int[] rows)
{
    var pts = new double[rows.Length * 784];
    for (int k = 0; k < rows.Length; k++) set.Image(rows[k]).CopyTo(pts.AsSpan(k * 784, 784));
    return (pts, rows.Select(r => set.Labels[r]).ToArray());
}
var (trX, trY) = Take(perm[..ntrain]);
var (teX, teY) = Take(perm[8000..]);
void WriteD(string name, IEnumerable<double> v) { using var w = new BinaryWriter(File.Create(Path.Combine(outDir, name))); foreach (var x in v) w.Write(x); }
void WriteI(string name, IEnumerable<int> v) { using var w = new BinaryWriter(File.Create(Path.Combine(outDir, name))); foreach (var x in v) w.Write(x); }
WriteD("train.f64", trX); WriteD("test.f64", teX); WriteI("train.lbl", trY); WriteI("test.lbl", teY);
var copy = new Rng(seed);
copy.Split();
WriteI("perms.i32", Enumerable.Range(0, epochs).SelectMany(_ => copy.Permutation(ntrain)));
if (epochs == 0) return;
var clock = System.Diagnostics.Stopwatch.StartNew();
if (dbl) Run<double>(); else Run<float>();
Console.WriteLine($"seconds {clock.Elapsed.TotalSeconds:F1}");

void Run<T>() where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    var rng = new Rng(seed);
    var c = new DigitClassifier<T>(rng.Split());
    var ps = c.Parameters().ToArray();
    WriteD("init.f64", ps.SelectMany(p => p.ToDoubleArray()));
    using var trace = new StreamWriter(Path.Combine(outDir, "trace.csv"));
    trace.WriteLine("step,loss," + string.Join(",", Enumerable.Range(0, ps.Length).Select(i => $"norm{i}")));
    var train = Tensor.FromDouble<T>(trX, ntrain, 784);
    c.Fit(train, trY, epochs, batch, rng, lr, shift, onLoss: (step, loss) =>
    {
        var norms = ps.Select(p => Math.Sqrt(p.ToDoubleArray().Sum(v => v * v)).ToString("R"));
        trace.WriteLine($"{step},{loss:R},{string.Join(",", norms)}");
    });
    var test = Tensor.FromDouble<T>(teX, 2000, 784);
    Console.WriteLine($"accuracy {c.Accuracy(test, teY):R}");
    WriteD("final.f64", ps.SelectMany(p => p.ToDoubleArray()));
}
