using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using Verify.Networks.Autodiff;
using Verify.Networks.Tensors;
using Verify.TestSupport;

namespace Verify.Networks.Tests;

/// <summary>A generated matrix: its shape and row-major values (printed in full on failure).</summary>
public sealed record Mat(int M, int N, double[] V)
{
    public Tensor<double> Tensor() => Networks.Tensors.Tensor.From(V, M, N);

    public override string ToString() => $"{M}×{N} [{string.Join(", ", V.Select(v => v.ToString("R")))}]";
}

/// <summary>FsCheck generators for gradient checks, built from FsCheck's primitives only.</summary>
public static class Gens
{
    /// <summary>Uniform on [lo, hi] on a grid of 10⁶ steps.</summary>
    public static Gen<double> Uniform(double lo, double hi) => Gen.Choose(0, 1_000_000).Select(k => lo + (hi - lo) * k / 1e6);

    /// <summary>kink ± (gap + U[0, spread]): never within <paramref name="gap"/> of a kink.</summary>
    public static Gen<double> AwayFrom(double kink, double gap, double spread) =>
        from s in Gen.Elements(-1.0, 1.0)
        from u in Uniform(gap, gap + spread)
        select kink + s * u;

    /// <summary>Values in [−2, 2].</summary>
    public static Gen<double> Any => Uniform(-2, 2);

    /// <summary>Positive values in [0.3, 3].</summary>
    public static Gen<double> Positive => Uniform(0.3, 3);

    /// <summary>A matrix of 1…maxRows × 1…maxCols with values from <paramref name="values"/>.</summary>
    public static Gen<Mat> Matrix(Gen<double> values, int maxRows = 4, int maxCols = 4) =>
        from m in Gen.Choose(1, maxRows)
        from n in Gen.Choose(1, maxCols)
        from v in Gen.ArrayOf(values, m * n)
        select new Mat(m, n, v);

    /// <summary>A shape of rank <paramref name="minRank"/>…<paramref name="maxRank"/> with dimensions 1…<paramref name="maxDim"/>.</summary>
    public static Gen<int[]> Shape(int minRank, int maxRank, int maxDim) =>
        from r in Gen.Choose(minRank, maxRank) from d in Gen.ArrayOf(Gen.Choose(1, maxDim), r) select d;

    /// <summary>The values of a tensor of <paramref name="shape"/> as a flat 1×n matrix (reshape it inside the op).</summary>
    public static Gen<Mat> Flat(int[] shape, Gen<double> values) => Matrix(1, shape.Aggregate(1, (a, b) => a * b), values);

    /// <summary>n values, pairwise at least 0.1 apart (0.2·a permutation of 0…n−1 plus noise in [0, 0.1)): extrema are unique along any axis.</summary>
    public static Gen<double[]> Distinct(int n) =>
        from perm in Gen.Shuffle(Enumerable.Range(0, n).ToArray())
        from noise in Gen.ArrayOf(Uniform(0, 0.1), n)
        select perm.Select((r, k) => 0.2 * r - 0.1 * n + noise[k]).ToArray();

    /// <summary>A matrix of the given shape.</summary>
    public static Gen<Mat> Matrix(int m, int n, Gen<double> values) => Gen.ArrayOf(values, m * n).Select(v => new Mat(m, n, v));

    /// <summary>
    /// A matrix whose entries along <paramref name="axis"/> are separated by at least 0.1 (a permutation of 0, 0.2, 0.4, …
    /// plus noise in [0, 0.1)): the arg-min/arg-max is unique and stays put under small perturbations.
    /// </summary>
    public static Gen<Mat> DistinctAlong(int axis) =>
        from m in Gen.Choose(1, 4)
        from n in Gen.Choose(1, 4)
        from perms in Gen.ArrayOf(Gen.Shuffle(Enumerable.Range(0, axis == 1 ? n : m).ToArray()), axis == 1 ? m : n)
        from noise in Gen.ArrayOf(Uniform(0, 0.1), m * n)
        select new Mat(m, n, Enumerable.Range(0, m * n).Select(k =>
        {
            int i = k / n, j = k % n;
            int rank = axis == 1 ? perms[i][j] : perms[j][i];
            return 0.2 * rank - 0.5 + noise[k];
        }).ToArray());
}

/// <summary>Row-major multi-indices for reference loops in tests.</summary>
public static class Nd
{
    /// <summary>The multi-index of flat position <paramref name="flat"/> in <paramref name="shape"/>.</summary>
    public static int[] Index(int[] shape, int flat)
    {
        var idx = new int[shape.Length];
        for (int k = shape.Length - 1; k >= 0; k--)
        {
            idx[k] = flat % shape[k];
            flat /= shape[k];
        }
        return idx;
    }

    /// <summary>The flat position of <paramref name="idx"/> in <paramref name="shape"/>.</summary>
    public static int Flat(int[] shape, int[] idx)
    {
        int f = 0;
        for (int k = 0; k < shape.Length; k++) f = f * shape[k] + idx[k];
        return f;
    }

    /// <summary>Number of elements of <paramref name="shape"/>.</summary>
    public static int Count(int[] shape) => shape.Aggregate(1, (a, b) => a * b);
}

/// <summary>
/// Gradient checks in float64 against central finite differences (h = 1e-6), first and second order — what
/// PyTorch's gradcheck / gradgradcheck do. The scalar checked is L = Σ W⊙f + ½Σ f⊙f with fixed pseudo-random weights
/// W, so every output entry and the product of first derivatives both matter.
/// </summary>
public static class GradCheck
{
    public const double H = 1e-6;
    public const double Rel = 1e-6;
    public const double Abs = 1e-6;

    /// <summary>Runs both checks on every generated case.</summary>
    public static void Property<TCase>(Gen<TCase> cases, Func<TCase, Mat[]> inputs, Func<Tensor<double>[], Tensor<double>> f,
        int maxTest = 25, [CallerMemberName] string caller = "")
        => Property(cases, inputs, (_, xs) => f(xs), maxTest, caller);

    /// <summary>Runs both checks on every generated case, with an op that depends on the case.</summary>
    public static void Property<TCase>(Gen<TCase> cases, Func<TCase, Mat[]> inputs, Func<TCase, Tensor<double>[], Tensor<double>> f,
        int maxTest = 25, [CallerMemberName] string caller = "")
        => PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var xs = inputs(c);
            FirstOrder(ts => f(c, ts), xs);
            SecondOrder(ts => f(c, ts), xs);
            return true;
        }), maxTest, caller: caller);

    /// <summary>Runs both checks for a one-input op on generated matrices.</summary>
    public static void Unary(Gen<Mat> cases, Func<Tensor<double>, Tensor<double>> f, int maxTest = 25, [CallerMemberName] string caller = "")
        => Property(cases, m => [m], xs => f(xs[0]), maxTest, caller);

    private static Tensor<double>[] Leaves(Mat[] xs) => xs.Select(m => m.Tensor().RequireGrad()).ToArray();

    private static Tensor<double> Weights(Tensor<double> y)
    {
        var w = new double[y.Length];
        for (int i = 0; i < w.Length; i++) w[i] = 0.5 + Math.Sin(1.7 * i + 0.3);
        return Tensor.From(w, [.. y.Shape]);
    }

    private static Tensor<double> Loss(Func<Tensor<double>[], Tensor<double>> f, Tensor<double>[] xs)
    {
        var y = f(xs);
        return Tensor.Sum(Tensor.Mul(y, Weights(y))) + Tensor.Sum(Tensor.Square(y)) * 0.5;
    }

    private static double Eval(Func<Tensor<double>[], Tensor<double>> f, Mat[] xs, int which, int index, double delta)
    {
        var ts = xs.Select(m => m.Tensor()).ToArray();
        ts[which].Span[index] += delta;
        using (Autograd.NoGrad()) return Loss(f, ts).Item();
    }

    /// <summary>∂L/∂x (both with and without createGraph) against (L(x + h) − L(x − h))/2h, entry by entry.</summary>
    public static void FirstOrder(Func<Tensor<double>[], Tensor<double>> f, Mat[] xs)
    {
        var leaves = Leaves(xs);
        var loss = Loss(f, leaves);
        var fast = Autograd.Grad([loss], leaves, createGraph: false);
        var graph = Autograd.Grad([loss], leaves, createGraph: true);
        for (int i = 0; i < xs.Length; i++)
            for (int k = 0; k < xs[i].V.Length; k++)
            {
                double numeric = (Eval(f, xs, i, k, H) - Eval(f, xs, i, k, -H)) / (2 * H);
                Tolerance.Close(numeric, fast[i][k], Rel, Abs, $"∂L/∂x{i}[{k}]");
                Tolerance.Close(fast[i][k], graph[i][k], 1e-15, 1e-15, $"createGraph vs fast ∂L/∂x{i}[{k}]");
            }
    }

    /// <summary>Hessian-vector product ∇(⟨∇L, v⟩) (double backward) against (∇L(x + hv) − ∇L(x − hv))/2h.</summary>
    public static void SecondOrder(Func<Tensor<double>[], Tensor<double>> f, Mat[] xs)
    {
        var v = xs.Select((m, i) => m.V.Select((_, k) => Math.Cos(0.9 * k + 1.3 * i + 0.1)).ToArray()).ToArray();
        var leaves = Leaves(xs);
        var g = Autograd.Grad([Loss(f, leaves)], leaves, createGraph: true);
        Tensor<double>? s = null;
        for (int i = 0; i < xs.Length; i++)
        {
            var term = Tensor.Sum(Tensor.Mul(g[i], Tensor.From(v[i], [.. g[i].Shape])));
            s = s is null ? term : s + term;
        }
        var hv = s!.RequiresGrad ? Autograd.Grad([s], leaves) : leaves.Select(Tensor.ZerosLike).ToArray();
        var plus = GradientAt(f, xs, v, H);
        var minus = GradientAt(f, xs, v, -H);
        for (int i = 0; i < xs.Length; i++)
            for (int k = 0; k < xs[i].V.Length; k++)
                Tolerance.Close((plus[i][k] - minus[i][k]) / (2 * H), hv[i][k], Rel, Abs, $"(Hv)_{i}[{k}]");
    }

    private static double[][] GradientAt(Func<Tensor<double>[], Tensor<double>> f, Mat[] xs, double[][] v, double t)
    {
        var leaves = xs.Select((m, i) => new Mat(m.M, m.N, m.V.Select((x, k) => x + t * v[i][k]).ToArray()).Tensor().RequireGrad()).ToArray();
        return Autograd.Grad([Loss(f, leaves)], leaves).Select(g => g.ToArray()).ToArray();
    }
}
