using Verify.Properties.Catalogue;
using Xunit;

namespace Verify.Properties.Tests.Catalogue;

public sealed class ClaimTests
{
    private static Claim Make(Func<ClaimScale, long, Finding> check, Func<ClaimScale, long, Finding> falsify) =>
        new("test.claim", "a statement", "a source", ClaimKind.Exact, "a reason", check, "a wrong input", falsify, defaultSeed: 5);

    [Fact]
    public void CheckUsesTheDefaultSeedUnlessOneIsGiven()
    {
        var seeds = new List<long>();
        var claim = Make((_, s) => { seeds.Add(s); return new Finding([Condition.Equal("x", 0, 0, 0)]); }, (_, _) => throw new InvalidOperationException());
        claim.Check();
        claim.Check(ClaimScale.Full, 9);
        Assert.Equal([5L, 9L], seeds);
    }

    [Fact]
    public void AnExceptionBecomesAFailedResultNamingIt()
    {
        var claim = Make((_, _) => throw new InvalidOperationException("solver broke"), (_, _) => throw new ArgumentException("bad"));
        ClaimResult r = claim.Check();
        Assert.False(r.Passed);
        Assert.Equal("fail", r.Verdict);
        Assert.Contains("solver broke", r.Detail);
        ClaimResult f = claim.Falsify();
        Assert.False(f.AsRequired); // a falsification that crashed did not show the check can fail
    }

    [Fact]
    public void AStatisticalClaimMustStateItsBound() =>
        Assert.Throws<ArgumentException>(() => new Claim("s", "st", "so", ClaimKind.Statistical, "r",
            (_, _) => Finding.Failed("x"), "w", (_, _) => Finding.Failed("x")));

    [Fact]
    public void TheReplayCommandRerunsTheSameCheck()
    {
        var claim = Make((_, _) => new Finding([Condition.Equal("x", 1, 0, 0)]), (_, _) => new Finding([Condition.Equal("x", 1, 0, 0)]));
        Assert.Equal("verify claims --filter test.claim --scale full --seed 3", claim.Check(ClaimScale.Full, 3).ReplayCommand);
        Assert.EndsWith("--falsify", claim.Falsify(ClaimScale.Quick, 3).ReplayCommand);
    }
}
