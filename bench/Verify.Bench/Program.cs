namespace Verify.Bench;

/// <summary>Benchmarks: each workload is a named command so a whole-process timer can run it beside its anchor.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "gemm") return GemmBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "ot") return OtWorkloads.Run(args[1..]);
        if (args.Length > 0 && args[0] == "train") return TrainBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "conv") return ConvBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "elementwise") return ElementwiseBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "ctransform") return CTransformBench.Run(args[1..]);
        Console.Error.WriteLine("usage: verify-bench <workload> [args]; workloads are added with their issues");
        return args.Length == 0 ? 2 : 0;
    }
}
