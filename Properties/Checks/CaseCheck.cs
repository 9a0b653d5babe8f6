using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Verify.Properties.Catalogue;

namespace Verify.Properties.Checks;

/// <summary>
/// A property-based check: an FsCheck generator of cases (built from FsCheck's own primitives, so a failure replays from
/// its seed) and the conditions each case must satisfy. <see cref="Run"/> checks it through FsCheck from a seed and keeps,
/// for each condition, its worst case; <see cref="Holds"/> is the same per-case check as an FsCheck property, for
/// FsCheck.Xunit's <c>[Property]</c> tests.
/// </summary>
public sealed class CaseCheck<TCase>
{
    /// <summary>The γ of the SplitMix stream FsCheck starts from (the seed is the claim's): 2⁶⁴/φ, odd.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private readonly Func<ClaimScale, Gen<TCase>> generator;
    private readonly Func<ClaimScale, int> cases;
    private readonly Func<TCase, IReadOnlyList<Condition>> evaluate;

    /// <summary>A check of <paramref name="cases"/> generated cases, each judged by <paramref name="evaluate"/>.</summary>
    public CaseCheck(Func<ClaimScale, Gen<TCase>> generator, Func<ClaimScale, int> cases, Func<TCase, IReadOnlyList<Condition>> evaluate)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(evaluate);
        this.generator = generator;
        this.cases = cases;
        this.evaluate = evaluate;
    }

    /// <summary>The generator of cases at a scale.</summary>
    public Gen<TCase> Generator(ClaimScale scale) => generator(scale);

    /// <summary>How many cases a run examines at a scale.</summary>
    public int Cases(ClaimScale scale) => cases(scale);

    /// <summary>The conditions of one case.</summary>
    public IReadOnlyList<Condition> Evaluate(TCase c) => evaluate(c);

    /// <summary>The same generator and case count with other conditions (a falsification's wrong input enters here).</summary>
    public CaseCheck<TCase> With(Func<TCase, IReadOnlyList<Condition>> other) => new(generator, cases, other);

    /// <summary>The same conditions on cases transformed by <paramref name="corrupt"/> (the wrong input).</summary>
    public CaseCheck<TCase> On(Func<TCase, TCase> corrupt)
    {
        ArgumentNullException.ThrowIfNull(corrupt);
        return new(generator, cases, c => evaluate(corrupt(c)));
    }

    /// <summary>One case as an FsCheck property: true when every condition holds, labelled with the failing ones otherwise.</summary>
    public Property Holds(TCase c)
    {
        IReadOnlyList<Condition> found = evaluate(c);
        var failing = found.Where(x => !x.Passed).ToList();
        return failing.Count == 0 ? Prop.ToProperty(true) : Prop.Label(false, string.Join("; ", failing));
    }

    /// <summary>
    /// Checks <see cref="Cases"/> cases through FsCheck, starting from (<paramref name="seed"/>, <see cref="Gamma"/>).
    /// Returns each condition's worst case over the cases; on a failure the detail holds the counter-example, its failing
    /// conditions, FsCheck's report and the replay command. An exception in a case stops the check as an error.
    /// </summary>
    public Finding Run(ClaimScale scale, long seed, string claimId)
    {
        var worst = new Dictionary<string, Condition>();
        var order = new List<string>();
        string? error = null, counterExample = null;
        int examined = 0;
        Property property = Prop.ForAll(generator(scale).ToArbitrary(), c =>
        {
            IReadOnlyList<Condition> found;
            try
            {
                found = evaluate(c);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error ??= $"case {c}: {e.GetType().Name}: {e.Message}";
                return false;
            }
            examined++;
            foreach (Condition x in found)
            {
                if (worst.TryGetValue(x.Name, out Condition? w)) worst[x.Name] = Condition.Worse(w, x);
                else
                {
                    worst[x.Name] = x;
                    order.Add(x.Name);
                }
            }
            bool ok = found.All(x => x.Passed);
            if (!ok && counterExample is null)
                counterExample = $"counter-example: {c}\n  " + string.Join("\n  ", found.Where(x => !x.Passed));
            return ok;
        });
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases(scale))
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(unchecked((ulong)seed), Gamma), FSharpOption<int>.None)));
        string detail = "";
        try
        {
            Check.One(config, property);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            detail = (counterExample ?? "") + "\nFsCheck: " + e.Message.Trim() +
                     $"\nreplay: verify claims --filter {claimId} --scale {scale.Name()} --seed {seed.ToString(CultureInfo.InvariantCulture)}";
        }
        return new Finding(order.Select(n => worst[n]).ToList(), examined, detail.Trim(), error);
    }
}
