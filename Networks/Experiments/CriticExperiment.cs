using System.Diagnostics;
using System.Numerics;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Training;
using Verify.Theory;

namespace Verify.Networks.Experiments;

/// <summary>
/// One critic experiment, the single code path behind <c>verify critic</c>, the claims, <c>verify regress</c> and the
/// figures: split two sample sets, train a critic (or take a loaded one), estimate on the held-out halves, compare with
/// the exact value on the same halves, audit the Lipschitz constant.
/// <list type="number">
/// <item><b>Split.</b> <c>rng = new Rng(seed)</c>; P's rows are permuted by <c>rng.Permutation(n_P)</c>, then Q's by
/// <c>rng.Permutation(n_Q)</c>; the first ⌈n/2⌉ permuted rows train, the remaining ⌊n/2⌋ are held out.</item>
/// <item><b>Fit.</b> <see cref="CriticTraining.Fit"/> with the same <c>rng</c> (initialisation from <c>rng.Split()</c>, then
/// minibatches of the method's batch size drawn with replacement, ∝ weights when a set's weights are not all equal).</item>
/// <item><b>Estimate.</b> In double (the critic's weights widened exactly), the method's estimate on the held-out halves: E_P f − E_Q f (Wasserstein methods),
/// E_P f + E_Q f^c (wgan-ct), (L(D) + 2·log 2)/2 with L(D) = E_P log D + E_Q log(1 − D) (gan, a lower bound on JS).</item>
/// <item><b>Exact.</b> In double, on the same held-out halves: W₁ by Theory's exact transport; for gan JS when the halves
/// share an atom, or the request's <see cref="CriticExperimentRequest.Reference"/> (a closed form), otherwise none, with
/// the reason (two samples of a continuous law share no atom, so their JS is log 2 whatever the laws).</item>
/// <item><b>Audit.</b> <see cref="CriticAudit.Run"/> in double on the held-out halves with the same <c>rng</c>.</item>
/// </list>
/// The same request gives the same numbers (all but <see cref="CriticExperimentResult.Seconds"/>).
/// </summary>
public static class CriticExperiment
{
    /// <summary>"js" for gan, "w1" for every other method.</summary>
    public static string MetricOf(MethodOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options is GanOptions ? "js" : "w1";
    }

    /// <summary>Runs the experiment; <paramref name="progress"/> sees the number of training steps done.</summary>
    /// <exception cref="ArgumentException">The request cannot run (message names what).</exception>
    /// <exception cref="TrainingDivergedException">Training produced a NaN or ±∞ loss or weight.</exception>
    public static CriticExperimentResult Run(CriticExperimentRequest request, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return request.Precision == Precision.Single ? Run<float>(request, progress) : Run<double>(request, progress);
    }

    private static CriticExperimentResult Run<T>(CriticExperimentRequest r, Action<int>? progress) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Rng(unchecked((ulong)r.Seed));
        var (pTrain, pHeld) = Split(r.Real, rng);
        var (qTrain, qHeld) = Split(r.Fake, rng);
        CriticArchitecture arch = r.ResolvedArchitecture;
        var objective = CriticObjective<T>.For(r.Options);

        // The exact values need only the split, not the critic: they are computed on another core while the critic trains
        // (a small critic's training runs on one thread).
        string metric = MetricOf(r.Options);
        var exactTask = Task.Run(() => metric == "w1" ? ExactW1(r, pHeld, qHeld) : ExactJS(r, pHeld, qHeld));
        var clock = Stopwatch.StartNew();
        ICritic<T> critic;
        int steps = 0;
        MlpCritic<double> f;
        CriticAuditResult audit;
        double estimate, seconds;
        try
        {
            if (r.Load is not null) critic = r.Load.Create<T>();
            else
            {
                critic = CriticTraining.Fit(objective, arch, Set<T>(pTrain), Set<T>(qTrain), r.Steps, rng, progress).Critic;
                steps = r.Steps;
            }
            // Estimate and audit evaluate the critic's function in double (its weights widened exactly): a float32 critic's
            // values are then not rounded again, which matters for the pairwise ratio |f(x) − f(y)|/‖x − y‖ of close points.
            f = Widen(critic, arch);
            var heldP = Set<double>(pHeld);
            var heldQ = Set<double>(qHeld);
            estimate = CriticObjective<double>.For(r.Options).Estimate(f, heldP.Data, heldQ.Data, heldP.Weights, heldQ.Weights);
            audit = CriticAudit.Run(f, heldP.Data, heldQ.Data, rng);
            seconds = clock.Elapsed.TotalSeconds;
        }
        catch
        {
            try { exactTask.Wait(); } catch (AggregateException) { } // never leave the exact solve running behind a failure
            throw;
        }
        var (exact, basis, reason, all) = exactTask.GetAwaiter().GetResult();
        return new CriticExperimentResult(r.Options, arch, r.Seed, r.Precision, metric, estimate, exact, basis, reason, all, r.Reference,
            audit, steps, seconds, pTrain.Count, pHeld.Count, qTrain.Count, qHeld.Count, TrainedCritic.Of(critic, arch), r.Load?.Source);
    }

    private static (double?, string, string?, double?) ExactW1(CriticExperimentRequest r, DiscreteDistribution pHeld, DiscreteDistribution qHeld)
    {
        // The two solves are independent: the one between all rows runs beside the one between the halves.
        Task<double>? all = r.ExactAllRows ? Task.Run(() => Transport.W1(r.Real.Normalized(), r.Fake.Normalized())) : null;
        double held;
        try
        {
            held = Transport.W1(pHeld.Normalized(), qHeld.Normalized());
        }
        catch
        {
            try { all?.Wait(); } catch (AggregateException) { }
            throw;
        }
        return (held, "exact W1 between the held-out halves", null, all?.GetAwaiter().GetResult());
    }

    private static (double?, string, string?, double?) ExactJS(CriticExperimentRequest r, DiscreteDistribution pHeld, DiscreteDistribution qHeld)
    {
        double? all = r.ExactAllRows && ShareAnAtom(r.Real, r.Fake) ? Divergences.JS(r.Real.Normalized(), r.Fake.Normalized()) : null;
        if (r.Reference is { } reference) return (reference.Value, $"reference JS of the laws ({reference.Source})", null, all);
        if (ShareAnAtom(pHeld, qHeld))
            return (Divergences.JS(pHeld.Normalized(), qHeld.Normalized()), "exact JS between the held-out halves (they share atoms)", null, all);
        return (null, "none", "the held-out halves share no atom, so as empirical laws they are disjoint and their JS is log 2 " +
                              "whatever laws they were drawn from; an exact JS needs shared atoms (discrete data) or a family with a closed form", all);
    }

    /// <summary>
    /// The plain MLP (<see cref="ICritic{T}.ExportParameters"/>: for a spectrally normalised critic W/σ̂ with its stored u, v)
    /// that computes the same function as <paramref name="critic"/>, in double.
    /// </summary>
    public static MlpCritic<double> Widen<T>(ICritic<T> critic, CriticArchitecture architecture) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(critic);
        var copy = new MlpCritic<double>(architecture, new Rng(0));
        var values = critic.ExportParameters().ToDictionary(p => p.Name, p => p.Value.ToDoubleArray());
        foreach (var (name, p) in copy.NamedParameters()) values[name].CopyTo(p.Span);
        return copy;
    }

    /// <summary>True when some point carries mass under both laws (exact equality of coordinates).</summary>
    public static bool ShareAnAtom(DiscreteDistribution p, DiscreteDistribution q)
    {
        var m = MatchedAtoms.Match(p, q);
        for (int k = 0; k < m.Count; k++)
            if (m.P[k] > 0 && m.Q[k] > 0) return true;
        return false;
    }

    /// <summary>The seeded split of the rows into training and held-out halves (weights kept; see the class remarks).</summary>
    public static (DiscreteDistribution Train, DiscreteDistribution HeldOut) Split(DiscreteDistribution law, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(rng);
        if (law.Count < 2) throw new ArgumentException($"a set of {law.Count} sample cannot be split into training and held-out halves");
        int[] perm = rng.Permutation(law.Count);
        int half = (law.Count + 1) / 2;
        return (Subset(law, perm[..half]), Subset(law, perm[half..]));
    }

    private static DiscreteDistribution Subset(DiscreteDistribution law, int[] rows)
    {
        int d = law.Dimension;
        var points = new double[rows.Length * d];
        var weights = new double[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            law.Point(rows[k]).CopyTo(points.AsSpan(k * d, d));
            weights[k] = law.Weights[rows[k]];
        }
        if (!(weights.Sum() > 0))
            throw new ArgumentException("after the split one half has zero total weight; give more samples positive weight");
        return new DiscreteDistribution(points, d, weights);
    }

    /// <summary>The samples as a training set; unweighted when every weight is equal (uniform draws).</summary>
    private static SampleSet<T> Set<T>(DiscreteDistribution law) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(law.Points.ToArray(), law.Dimension, law.IsUniform ? null : law.Weights.ToArray());
}
