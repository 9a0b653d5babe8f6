using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;

namespace Verify.Properties.Critics;

/// <summary>Small helpers the trained-network claims share: 1-D sample sets, critic starts of a chosen slope sign, a training loop.</summary>
public static class Training
{
    /// <summary>The claims' small critic: 1 → 32 → 32 → 1, ReLU.</summary>
    public static CriticArchitecture Small1D { get; } = CriticArchitecture.Mlp(1, 32, 2);

    /// <summary>n draws of N(mean, sd²) from a seeded stream.</summary>
    public static double[] Normal(Rng rng, int n, double mean, double sd) =>
        Enumerable.Range(0, n).Select(_ => mean + sd * rng.NextNormal()).ToArray();

    /// <summary>Exact W₁ between two 1-D samples (Theory's sorted route).</summary>
    public static double W1(double[] p, double[] q) => Theory.Transport.W1OneD(p, q);

    /// <summary>A column tensor of the values.</summary>
    public static Tensor<double> Column(double[] values) => Tensor.From(values, values.Length, 1);

    /// <summary>
    /// The first critic, over initialisation seeds seed, seed + 1, …, whose Wasserstein estimate E_P f − E_Q f has the
    /// wanted sign (a start with the right or the wrong slope); gives up after 64 tries.
    /// </summary>
    public static MlpCritic<double> StartWithSign(CriticArchitecture arch, double[] p, double[] q, long seed, int sign)
    {
        for (long s = seed; s < seed + 64; s++)
        {
            var critic = new MlpCritic<double>(arch, new Rng(unchecked((ulong)s)));
            double start = EstimateW1(critic, p, q);
            if (Math.Sign(start) == sign) return critic;
        }
        throw new InvalidOperationException($"no initialisation among seeds {seed}…{seed + 63} starts with slope sign {sign}");
    }

    /// <summary>E_P f − E_Q f on the samples.</summary>
    public static double EstimateW1(ICritic<double> critic, double[] p, double[] q)
    {
        using var _ = Autograd.NoGrad();
        return critic.Forward(Column(p)).ToDoubleArray().Average() - critic.Forward(Column(q)).ToDoubleArray().Average();
    }

    /// <summary>Trains <paramref name="critic"/> in place for <paramref name="steps"/> steps on minibatches of the two sets.</summary>
    public static void Train(ICritic<double> critic, MethodOptions options, double[] p, double[] q, int steps, Rng rng)
    {
        var objective = CriticObjective<double>.For(options);
        var optimizer = options.CriticOptimizer.Create(critic.Parameters());
        var real = new SampleSet<double>(p, 1);
        var fake = new SampleSet<double>(q, 1);
        for (int step = 0; step < steps; step++)
            CriticTraining.Step(objective, critic, optimizer, real.Batch(rng, options.Batch), fake.Batch(rng, options.Batch), rng, step);
    }

    /// <summary>Spearman's rank correlation of two equal-length series (ties get their mean rank).</summary>
    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count || a.Count < 2) throw new ArgumentException($"Spearman needs two series of one length ≥ 2, got {a.Count} and {b.Count}");
        double[] ra = Ranks(a), rb = Ranks(b);
        double ma = ra.Average(), mb = rb.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < ra.Length; i++)
        {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0.0 : sab / Math.Sqrt(saa * sbb);
    }

    private static double[] Ranks(IReadOnlyList<double> v)
    {
        int[] order = Enumerable.Range(0, v.Count).OrderBy(i => v[i]).ToArray();
        var ranks = new double[v.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && v[order[end + 1]] == v[order[start]]) end++;
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }
}
