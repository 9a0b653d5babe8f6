using System.Diagnostics;
using System.Globalization;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Bench;

/// <summary>
/// `verify-bench ctransform [--n N] [--m M] [--d D] [--rounds R]`: the c-transform arg-min of a held-out estimate
/// (n real points, m generated ones, d = 784 pixels with values k/255, random critic values), by the direct O(n·m·d) loop
/// and by the GEMM route, alternating; prints both times (median over rounds) and checks the two results are identical.
/// </summary>
public static class CTransformBench
{
    public static int Run(string[] args)
    {
        int n = 2000, m = 2000, d = 784, rounds = 3;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--n" when i + 1 < args.Length: n = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--m" when i + 1 < args.Length: m = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--d" when i + 1 < args.Length: d = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds" when i + 1 < args.Length: rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"verify-bench: error: unknown ctransform option {args[i]}"); return 2;
            }
        }
        var rng = new Rng(3);
        var x = Tensor.From(Enumerable.Range(0, n * d).Select(_ => rng.NextInt(256) / 255f).ToArray(), n, d);
        var y = Tensor.From(Enumerable.Range(0, m * d).Select(_ => rng.NextInt(256) / 255f).ToArray(), m, d);
        var f = Enumerable.Range(0, n).Select(_ => (float)rng.NextUniform(-1, 1)).ToArray();
        var direct = new List<double>();
        var gemm = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            long t = Stopwatch.GetTimestamp();
            int[] a = CTransform.ArgMinDirect(x, f, y);
            direct.Add(Stopwatch.GetElapsedTime(t).TotalSeconds);
            t = Stopwatch.GetTimestamp();
            int[] b = CTransform.ArgMin(x, f, y);
            gemm.Add(Stopwatch.GetElapsedTime(t).TotalSeconds);
            if (!a.AsSpan().SequenceEqual(b)) { Console.Error.WriteLine("verify-bench: the two routes disagree"); return 1; }
        }
        double td = GemmBench.Median(direct), tg = GemmBench.Median(gemm);
        Console.WriteLine($"c-transform arg-min, {n}×{m} points in {d}-D (float32 in, double arithmetic): direct loop {td:F3} s, GEMM route {tg:F3} s, " +
                          $"speed-up {td / tg:F1}× (median of {rounds} alternating rounds; identical results)");
        return 0;
    }
}
