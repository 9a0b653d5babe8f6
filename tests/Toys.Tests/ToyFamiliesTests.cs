using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests;

public sealed class ToyFamiliesTests
{
    [Fact]
    public void TheCatalogueHasEveryPublishedFamilyOnceUnderAUniqueName()
    {
        string[] names = ToyFamilies.All.Select(e => e.Name).ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (string n in new[] { "parallel-lines", "gaussian-location", "gaussian-scale", "gaussian-pair", "uniform-segment",
                     "uniform-square", "8gaussians", "25gaussians", "swissroll", "8gaussians-fixed-generator",
                     "25gaussians-fixed-generator", "swissroll-fixed-generator", "histogram-shift" })
            Assert.Contains(n, names);
    }

    [Fact]
    public void EveryEntrySamplesDeterministicallyAtItsDefault()
    {
        foreach (ToyEntry e in ToyFamilies.All)
        {
            IToyDistribution law = e.Resolve(null);
            Assert.Equal(e.Dimension, law.Dimension);
            Assert.Equal(e.Dimension, e.Columns.Count);
            FamilyChecks.Deterministic(law, 50);
        }
    }

    [Fact]
    public void EveryFamilyHasAWorkingTangentAtItsDefault()
    {
        foreach (ToyEntry e in ToyFamilies.All)
            if (e.Family is not null)
                FamilyChecks.TangentMatchesFiniteDifference(e.Family, e.Family.Theta.Default, 1e-4, 50);
    }

    [Fact]
    public void UnknownNamesListTheKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => ToyFamilies.Get("nope"));
        Assert.Contains("unknown family 'nope'", ex.Message);
        Assert.Contains("parallel-lines", ex.Message);
        Assert.Same(ToyFamilies.All[0], ToyFamilies.Get("PARALLEL-LINES"));
    }
}
