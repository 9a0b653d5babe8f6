using Verify.Properties.Catalogue;
using Xunit;

namespace Verify.Properties.Tests.Catalogue;

public sealed class ClaimResultTests
{
    [Fact]
    public void FieldsCarryTheIssuesJsonKeysInOrder()
    {
        ClaimResult r = Claims.Get("pinsker").Check();
        var keys = r.Fields().Select(f => f.Key).ToList();
        string[] required = ["id", "statement", "source", "kind", "measured", "expected", "tolerance", "verdict", "seconds", "seed"];
        Assert.Equal(required, keys.Where(required.Contains));
        var fields = r.Fields().ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("pinsker", fields["id"]);
        Assert.Equal("exact", fields["kind"]);
        Assert.Equal("pass", fields["verdict"]);
        Assert.Equal(1L, fields["seed"]);
        Assert.IsType<double>(fields["measured"]);
    }

    [Fact]
    public void AStatisticalResultReportsItsEpsilonAndDelta()
    {
        ClaimResult r = Claims.Get("w1.sample-rate").Check();
        var fields = r.Fields().ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(1e-3, fields["delta"]);
        Assert.True((double)fields["epsilon"]! > 0);
        Assert.Equal("statistical", fields["kind"]);
    }

    [Fact]
    public void AnErroredResultHasNoMeasuredValueAndNoNaN()
    {
        var claim = new Claim("c", "s", "so", ClaimKind.Exact, "r", (_, _) => throw new InvalidOperationException("x"), "w", (_, _) => Finding.Failed("x"));
        var fields = claim.Check().Fields().ToDictionary(f => f.Key, f => f.Value);
        Assert.Null(fields["measured"]);
        Assert.Equal("fail", fields["verdict"]);
    }
}
