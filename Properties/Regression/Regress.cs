using Verify.Networks.Init;
using Verify.Properties.Experiments;
using Verify.Theory;

namespace Verify.Properties.Regression;

/// <summary>One golden entry run again: the values now against the stored ones.</summary>
public sealed record RegressMeasurement(GoldenEntry Entry, double Estimate, double Exact)
{
    /// <summary>Estimate now − stored.</summary>
    public double EstimateDifference => Estimate - Entry.Estimate;

    /// <summary>Exact now − stored.</summary>
    public double ExactDifference => Exact - Entry.Exact;

    /// <summary>The allowed |difference| of the estimate.</summary>
    public double EstimateAllowed => Entry.Allowed(Entry.Estimate);

    /// <summary>The allowed |difference| of the exact value.</summary>
    public double ExactAllowed => Entry.Allowed(Entry.Exact);

    /// <summary>True when both values are within the entry's tolerance of the stored ones.</summary>
    public bool Passed => Entry.Within(Entry.Estimate, Estimate) && Entry.Within(Entry.Exact, Exact);

    /// <summary>The entry with the values now stored (tolerances and settings kept).</summary>
    public GoldenEntry Updated => Entry with { Estimate = Estimate, Exact = Exact };
}

/// <summary>The audit of a user's critic on one pinned pair.</summary>
/// <param name="Pair">The pair.</param>
/// <param name="Estimate">E_P f − E_Q f over all rows.</param>
/// <param name="Exact">Exact W₁ between all rows.</param>
/// <param name="Audit">The Lipschitz audit on the pair.</param>
public sealed record PairAudit(PinnedPair Pair, double Estimate, double Exact, UserCriticAudit Audit);

/// <summary>
/// Regression of critic estimates (<c>verify regress</c>): run a golden file's pinned experiments again and compare, or
/// audit a user's critic on the pinned pairs. Verify-trained entries are critic experiments (<see cref="CriticExperiments"/>,
/// double precision: the estimate on the held-out halves, the exact W₁ between them; for gan the laws' JS); the user's
/// critic is evaluated on all rows of the pair (it was not trained on them), against the exact W₁ between all rows.
/// </summary>
public static class Regress
{
    /// <summary>Runs every entry; <paramref name="progress"/> sees the number done. Entries of the user's critic need <paramref name="critic"/>.</summary>
    public static IReadOnlyList<RegressMeasurement> Run(IReadOnlyList<GoldenEntry> entries, UserCritic? critic, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (GoldenEntry e in entries.Where(e => e.IsUserCritic))
        {
            if (critic is null) throw new ArgumentException($"entry '{e.Id}' evaluates the user's critic: give it with --critic FILE");
            int d = PinnedPair.Get(e.Pair).Dimension;
            if (critic.Dimension != d)
                throw new ArgumentException($"entry '{e.Id}': the pair '{e.Pair}' is {d}-D but {critic.Source} takes {critic.Dimension} inputs");
        }
        var results = new List<RegressMeasurement>();
        foreach (GoldenEntry e in entries)
        {
            var (estimate, exact) = Measure(e, critic);
            results.Add(new RegressMeasurement(e, estimate, exact));
            progress?.Invoke(results.Count);
        }
        return results;
    }

    /// <summary>The estimate and exact value of one entry now.</summary>
    public static (double Estimate, double Exact) Measure(GoldenEntry entry, UserCritic? critic)
    {
        ArgumentNullException.ThrowIfNull(entry);
        PinnedPair pair = PinnedPair.Get(entry.Pair);
        var (real, fake) = pair.Samples();
        if (entry.IsUserCritic)
        {
            if (critic is null) throw new ArgumentException($"entry '{entry.Id}' evaluates the user's critic: give it with --critic FILE");
            return (Estimate(critic, real, fake), Transport.W1(real, fake));
        }
        var spec = new CriticExperimentSpec(real, fake, entry.Options(), entry.Architecture(pair.Dimension), entry.Steps, entry.Seed);
        CriticExperimentOutcome r = CriticExperiments.Run(spec);
        return (r.Estimate, entry.Method == "gan" ? pair.LawJS()!.Value : r.ExactHeldOut);
    }

    /// <summary>The user's critic on every pinned pair of its dimension: estimate, exact W₁, Lipschitz audit.</summary>
    public static IReadOnlyList<PairAudit> Audit(UserCritic critic, long seed, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(critic);
        var pairs = PinnedPair.All.Where(p => p.Dimension == critic.Dimension).ToList();
        if (pairs.Count == 0)
            throw new ArgumentException($"{critic.Source} takes {critic.Dimension} inputs; the pinned pairs are " +
                                        string.Join(", ", PinnedPair.All.Select(p => p.Dimension).Distinct().Order()) + "-dimensional");
        var audits = new List<PairAudit>();
        foreach (PinnedPair pair in pairs)
        {
            var (real, fake) = pair.Samples();
            UserCriticAudit audit = critic.Audit(real.Points.ToArray(), fake.Points.ToArray(), new Rng(unchecked((ulong)seed)));
            audits.Add(new PairAudit(pair, Estimate(critic, real, fake), Transport.W1(real, fake), audit));
            progress?.Invoke(audits.Count);
        }
        return audits;
    }

    /// <summary>E_P f − E_Q f with the laws' weights.</summary>
    public static double Estimate(UserCritic critic, DiscreteDistribution real, DiscreteDistribution fake)
    {
        ArgumentNullException.ThrowIfNull(critic);
        double[] fp = critic.Evaluate(real.Points.ToArray()), fq = critic.Evaluate(fake.Points.ToArray());
        return KantorovichDual.Value(real.Normalized(), fake.Normalized(), fp, fq);
    }
}
