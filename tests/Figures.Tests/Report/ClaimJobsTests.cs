using Verify.Figures.Report;
using Verify.Properties.Catalogue;
using Xunit;

namespace Verify.Figures.Tests.Report;

public sealed class ClaimJobsTests
{
    [Fact]
    public void OneJobPerClaimWhoseResultsComeBackInCatalogueOrderAsContractJson()
    {
        Claim[] claims = [Claims.Get("kl.disjoint-infinite"), Claims.Get("js.bounds")];
        var jobs = new ClaimJobs(claims, ClaimScale.Quick, seed: null);
        Assert.Equal(["claim kl.disjoint-infinite", "claim js.bounds"], jobs.Jobs.Select(j => j.Name));
        Assert.Throws<InvalidOperationException>(() => jobs.Results);
        foreach (var j in jobs.Jobs.Reverse()) j.Run();
        Assert.Equal(["kl.disjoint-infinite", "js.bounds"], jobs.Results.Select(r => r.Id));
        var json = ClaimJobs.ToJson(jobs.Results[0]);
        Assert.Equal("pass", json["verdict"]!.GetValue<string>());
        // KL = +∞ is written as the string "Infinity" (CLI contract), never as a bare number.
        Assert.Equal("Infinity", json["measured"]!.GetValue<string>());
        Assert.NotNull(json["conditions"]!.AsArray());
    }
}
