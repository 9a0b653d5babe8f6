using Verify.Properties.Catalogue;
using Xunit;

namespace Verify.Properties.Tests.Catalogue;

public sealed class ClaimsTests
{
    /// <summary>Every id the issue requires, in the catalogue and spelled exactly so.</summary>
    public static readonly string[] Required =
    [
        "w1.metric", "js.bounds", "kl.disjoint-infinite", "pinsker", "w1.tv-diameter", "parallel-lines.values", "js.discontinuity",
        "optimal-discriminator.maximises", "optimal-discriminator.value", "w1.continuity", "kr-duality.attained", "kr-duality.bound",
        "envelope.gradient", "gan.vanishing-gradient", "gan.nonsaturating-gradient", "wgan-clip.scaled-estimate", "critic.tracks-exact",
        "wgan-gp.overshoot", "wgan-gp.spurious-optimum", "wgan.loss-tracks-quality", "w1.sample-rate",
    ];

    [Fact]
    public void TheCatalogueHoldsEveryRequiredIdOnce()
    {
        var ids = Claims.All.Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(Required, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void EveryClaimStatesItsSourceKindToleranceAndWrongInput()
    {
        Assert.All(Claims.All, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Statement));
            Assert.False(string.IsNullOrWhiteSpace(c.Source));
            Assert.False(string.IsNullOrWhiteSpace(c.ToleranceReason));
            Assert.False(string.IsNullOrWhiteSpace(c.FalsifyInput));
            if (c.Kind == ClaimKind.Statistical) Assert.NotNull(c.Bound);
        });
        Assert.Contains(Claims.All, c => c.Kind == ClaimKind.Exact);
        Assert.Contains(Claims.All, c => c.Kind == ClaimKind.Statistical);
        Assert.Contains(Claims.All, c => c.Kind == ClaimKind.TrainedNetwork);
    }

    [Fact]
    public void GetFindsByIdAndRejectsAnUnknownOneListingTheIds()
    {
        Assert.Equal("pinsker", Claims.Get("pinsker").Id);
        var e = Assert.Throws<ArgumentException>(() => Claims.Get("pinsker2"));
        Assert.Contains("w1.metric", e.Message);
    }

    [Fact]
    public void SelectMatchesSubstringsOfIdsAndRefusesAFilterThatMatchesNothing()
    {
        Assert.Equal(["kr-duality.attained", "kr-duality.bound"], Claims.Select("kr-duality").Select(c => c.Id));
        Assert.Equal(Claims.All.Count, Claims.Select(null).Count);
        Assert.Equal(["w1.metric"], Claims.Select("W1.METRIC").Select(c => c.Id));
        var e = Assert.Throws<ArgumentException>(() => Claims.Select("no-such-claim"));
        Assert.Contains("matches no claim", e.Message);
    }

    [Fact]
    public void RunReportsEachResultAsItIsMadeWithTheSeedItUsed()
    {
        var started = new List<string>();
        var seen = new List<ClaimResult>();
        var results = Claims.Run(new ClaimRun("js.", ClaimScale.Quick, 42), c => started.Add(c.Id), seen.Add);
        Assert.Equal(["js.bounds", "js.discontinuity"], results.Select(r => r.Id));
        Assert.Equal(started, results.Select(r => r.Id));
        Assert.Equal(results, seen);
        Assert.All(results, r => Assert.Equal(42, r.Seed));
        Assert.True(Claims.AllAsRequired(results));
    }

    [Fact]
    public void FalsifiedRunsAreAsRequiredOnlyWhenTheyFail()
    {
        var results = Claims.Run(new ClaimRun("pinsker", Falsify: true));
        Assert.All(results, r => Assert.True(r.Falsified));
        Assert.All(results, r => Assert.False(r.Passed));
        Assert.True(Claims.AllAsRequired(results));
    }

    [Fact]
    public void TheSameSeedGivesTheSameNumbers()
    {
        double[] Run() => Claims.Run(new ClaimRun("w1.continuity", Seed: 7)).SelectMany(r => r.Finding.Conditions.Select(c => c.Measured)).ToArray();
        Assert.Equal(Run(), Run());
    }
}
