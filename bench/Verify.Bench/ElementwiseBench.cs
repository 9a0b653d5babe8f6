using System.Diagnostics;
using System.Globalization;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Native;
using Verify.Networks.Tensors;

namespace Verify.Bench;

/// <summary>
/// `verify-bench elementwise [--rounds R]`: time of element-wise ops (float32 add, exp, LeakyReLU's masked scale) on
/// 2¹²…2²² elements with the engine's element-wise work on one thread and on all cores, alternating per size; prints the
/// median over rounds of each round's best time and the speed-up, from which <see cref="Parallelism.ElementwiseThreshold"/>
/// is chosen (the smallest size where two threads win in every op).
/// </summary>
public static class ElementwiseBench
{
    public static int Run(string[] args)
    {
        int rounds = 5;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else { Console.Error.WriteLine($"verify-bench: error: unknown elementwise option {args[i]}"); return 2; }
        }
        int saved = Parallelism.Threads, threshold = Parallelism.ElementwiseThreshold;
        Parallelism.ElementwiseThreshold = 0; // measure both ways at every size
        try
        {
            Console.WriteLine($"# element-wise ops, float32, µs (median over {rounds} rounds of the best of 20 calls); threads 1 vs {Environment.ProcessorCount}");
            Console.WriteLine($"{"elements",10} {"op",8} {"1 thread",10} {"all cores",10} {"speed-up",9}");
            var rng = new Rng(1);
            using var _ = Autograd.NoGrad();
            for (int log = 12; log <= 22; log += 1)
            {
                int n = 1 << log;
                var a = Tensor.Uniform<float>(rng, -1, 1, n);
                var b = Tensor.Uniform<float>(rng, -1, 1, n);
                foreach (var (name, op) in new (string, Action)[] { ("add", () => Tensor.Add(a, b)), ("exp", () => Tensor.Exp(a)), ("masked", () => Tensor.MaskedScale(a, b, 0.2f)) })
                {
                    var one = new List<double>();
                    var all = new List<double>();
                    for (int r = 0; r < rounds; r++)
                    {
                        Parallelism.Threads = 1;
                        one.Add(Best(op));
                        Parallelism.Threads = Environment.ProcessorCount;
                        all.Add(Best(op));
                    }
                    double t1 = GemmBench.Median(one), t2 = GemmBench.Median(all);
                    Console.WriteLine($"{n,10} {name,8} {t1,10:F1} {t2,10:F1} {t1 / t2,9:F2}");
                }
            }
        }
        finally
        {
            Parallelism.Threads = saved;
            Parallelism.ElementwiseThreshold = threshold;
        }
        return 0;
    }

    private static double Best(Action op)
    {
        op();
        double best = double.PositiveInfinity;
        for (int i = 0; i < 20; i++)
        {
            long t = Stopwatch.GetTimestamp();
            op();
            best = Math.Min(best, Stopwatch.GetElapsedTime(t).TotalMicroseconds);
        }
        return best;
    }
}
