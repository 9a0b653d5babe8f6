using FsCheck;
using FsCheck.Fluent;
using Verify.TestSupport;
using Xunit;
using Xunit.Sdk;

namespace Verify.Properties.Tests;

/// <summary>Tests of the suite's FsCheck → xunit runner itself.</summary>
public sealed class PropertyCheckTests
{
    [Fact]
    public void PassingPropertyPasses() =>
        PropertyCheck.Run(Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), k => k * 2 % 2 == 0));

    [Fact]
    public void FailingPropertyFailsWithCounterExampleAndSeed()
    {
        var e = Assert.Throws<XunitException>(() =>
            PropertyCheck.Run(Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), k => k < 500), replay: "42,43"));
        Assert.Contains("failed from seed (42,43)", e.Message);
        Assert.Contains("Falsifiable", e.Message);
        Assert.Contains("VERIFY_REPLAY=\"42,43\"", e.Message);
    }

    [Fact]
    public void TheSameSeedReplaysTheSameCases()
    {
        List<int> Cases()
        {
            var seen = new List<int>();
            PropertyCheck.Run(Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), k => { seen.Add(k); return true; }), maxTest: 20, replay: "7,9");
            return seen;
        }
        Assert.Equal(Cases(), Cases());
    }

    [Fact]
    public void DefaultSeedIsFixedPerTestName()
    {
        var a = new List<int>();
        var b = new List<int>();
        PropertyCheck.Run(Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), k => { a.Add(k); return true; }), maxTest: 10, caller: "Same");
        PropertyCheck.Run(Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), k => { b.Add(k); return true; }), maxTest: 10, caller: "Same");
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("a,b")]
    public void BadReplayStringIsRejected(string text) =>
        Assert.Throws<ArgumentException>(() => PropertyCheck.ParseReplay(text));
}
