using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Xunit;

namespace Verify.Properties.Tests.Checks;

public sealed class CaseCheckTests
{
    private static CaseCheck<int> Bounded(int bound) =>
        new(_ => Gen.Choose(0, 1000), _ => 100, k => [Condition.AtMost("k", k, bound, 0)]);

    [Fact]
    public void KeepsEachConditionsWorstCase()
    {
        var seen = new List<int>();
        var check = new CaseCheck<int>(_ => Gen.Choose(0, 1000), _ => 100, k => { seen.Add(k); return [Condition.AtMost("k", k, 1000, 0)]; });
        Finding f = check.Run(ClaimScale.Quick, 3, "t");
        Assert.True(f.Passed);
        Assert.Equal(100, f.Cases);
        Assert.Equal(seen.Max(), f.Conditions.Single().Measured);
    }

    [Fact]
    public void TheSameSeedGivesTheSameCasesAndAnotherSeedOthers()
    {
        double Worst(long seed) => Bounded(1000).Run(ClaimScale.Quick, seed, "t").Conditions.Single().Measured;
        Assert.Equal(Worst(11), Worst(11));
        var cases = (long seed) =>
        {
            var seen = new List<int>();
            new CaseCheck<int>(_ => Gen.Choose(0, 1_000_000), _ => 20, k => { seen.Add(k); return [Condition.AtMost("k", 0, 0, 0)]; }).Run(ClaimScale.Quick, seed, "t");
            return seen;
        };
        Assert.Equal(cases(5), cases(5));
        Assert.NotEqual(cases(5), cases(6));
    }

    [Fact]
    public void AFailurePrintsTheCounterExampleFsChecksReportAndTheReplayCommand()
    {
        Finding f = Bounded(500).Run(ClaimScale.Quick, 8, "my.claim");
        Assert.True(f.FailedACondition);
        Assert.Contains("counter-example: ", f.Detail);
        Assert.Contains("Falsifiable", f.Detail);
        Assert.Contains("replay: verify claims --filter my.claim --scale quick --seed 8", f.Detail);
        Assert.True(f.Conditions.Single().Measured > 500);
    }

    [Fact]
    public void AnExceptionInACaseIsAnErrorNotAFailedCondition()
    {
        var check = new CaseCheck<int>(_ => Gen.Choose(0, 10), _ => 10, k => k >= 0 ? throw new InvalidOperationException("no") : []);
        Finding f = check.Run(ClaimScale.Quick, 1, "t");
        Assert.NotNull(f.Error);
        Assert.Contains("no", f.Error);
        Assert.False(f.FailedACondition);
    }

    [Fact]
    public void WithAndOnKeepTheGeneratorAndChangeTheInput()
    {
        var check = Bounded(1000);
        Assert.True(check.Run(ClaimScale.Quick, 2, "t").Passed);
        Assert.True(check.With(k => [Condition.AtMost("k", k + 2000, 1000, 0)]).Run(ClaimScale.Quick, 2, "t").FailedACondition);
        Assert.True(check.On(k => k + 2000).Run(ClaimScale.Quick, 2, "t").FailedACondition);
        Assert.Equal(100, check.Cases(ClaimScale.Full));
    }

    [Fact]
    public void HoldsLabelsTheFailingConditions()
    {
        var check = Bounded(10);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1).WithQuietOnSuccess(true), check.Holds(5));
        var e = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(1), check.Holds(50)));
        Assert.Contains("k: 50 ≤ 10", e.Message);
    }
}
