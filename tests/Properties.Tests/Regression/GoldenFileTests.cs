using Verify.Properties.Regression;
using Xunit;

namespace Verify.Properties.Tests.Regression;

public sealed class GoldenFileTests
{
    private const string One = """
        {"format": "verify-regress/1", "entries": [
          {"id": "a", "pair": "gauss-0-2", "method": "wgan-lp", "steps": 10, "lambda": 3, "estimate": 1.5, "exact": 2, "tolerance": {"relative": 0.01, "absolute": 0}}
        ]}
        """;

    [Fact]
    public void WriteThenParseGivesTheSameEntries()
    {
        IReadOnlyList<GoldenEntry> suite = GoldenFile.DefaultSuite().Concat(GoldenFile.CriticSuite(2)).ToList();
        IReadOnlyList<GoldenEntry> back = GoldenFile.Parse(GoldenFile.Write(suite), "x.json");
        Assert.Equal(suite, back);
    }

    [Fact]
    public void OptionalFieldsTakeTheirDefaults()
    {
        GoldenEntry e = GoldenFile.Parse(One, "g.json").Single();
        Assert.Equal(10, e.Steps);
        Assert.Equal(1, e.Seed);
        Assert.Equal(32, e.Hidden);
        Assert.Equal(3, ((Verify.Networks.Training.WganLpOptions)e.Options()).Lambda);
        Assert.True(e.Within(1.5, 1.51));
        Assert.False(e.Within(1.5, 1.52));
    }

    [Theory]
    [InlineData("{", "g.json: not valid JSON (line 1")]
    [InlineData("[]", "g.json: the golden file must be a JSON object")]
    [InlineData("{\"entries\": []}", "g.json: the \"entries\" array is empty")]
    [InlineData("{\"format\": \"other\", \"entries\": []}", "g.json: \"format\" must be")]
    [InlineData("{\"entries\": [{\"pair\": \"gauss-0-2\"}]}", "g.json: entry 1: missing \"id\"")]
    [InlineData("{\"entries\": [{\"id\": \"a\", \"pair\": \"nope\", \"method\": \"gan\"}]}", "g.json: entry 1 ('a'): unknown pair 'nope'")]
    [InlineData("{\"entries\": [{\"id\": \"a\", \"pair\": \"gauss-0-2\", \"method\": \"wgan\"}]}", "g.json: entry 1 ('a'): unknown method 'wgan'")]
    [InlineData("{\"entries\": [{\"id\": \"a\", \"pair\": \"gauss-0-2\", \"method\": \"wgan-gp\", \"exact\": 1, \"tolerance\": {\"relative\": 0, \"absolute\": 0}}]}", "g.json: entry 1 ('a'): missing \"estimate\"")]
    [InlineData("{\"entries\": [{\"id\": \"a\", \"pair\": \"gauss-0-2\", \"method\": \"wgan-gp\", \"estimate\": \"x\", \"exact\": 1, \"tolerance\": {\"relative\": 0, \"absolute\": 0}}]}", "\"estimate\" must be a finite number")]
    [InlineData("{\"entries\": [{\"id\": \"a\", \"pair\": \"gauss-0-2\", \"method\": \"wgan-gp\", \"estimate\": 1, \"exact\": 1, \"tolerance\": {\"relative\": -1, \"absolute\": 0}}]}", "\"relative\" must be non-negative")]
    [InlineData("{\"entries\": [{\"id\": \"a\", \"pair\": \"gauss-0-2\", \"method\": \"gan\", \"clip\": 0.1, \"estimate\": 1, \"exact\": 1, \"tolerance\": {\"relative\": 0, \"absolute\": 0}}]}", "clip applies to wgan-clip")]
    [InlineData("{\"entries\": [{\"id\": \"a\", \"pair\": \"8gaussians-noise\", \"method\": \"gan\", \"estimate\": 1, \"exact\": 1, \"tolerance\": {\"relative\": 0, \"absolute\": 0}}]}", "has no exact JS")]
    public void MalformedFilesAreRefusedNamingTheEntry(string text, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => GoldenFile.Parse(text, "g.json"));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void DuplicateIdsAreRefused()
    {
        string two = One.Replace("]}", ", " + One.Split('[')[1].Split(']')[0].Trim() + "]}");
        Assert.Contains("used twice", Assert.Throws<InvalidDataException>(() => GoldenFile.Parse(two, "g.json")).Message);
    }

    [Fact]
    public void AMissingFileIsNamed() =>
        Assert.Contains("no-such.json: no such golden file", Assert.Throws<FileNotFoundException>(() => GoldenFile.Read("no-such.json")).Message);

    [Fact]
    public void TheCriticSuiteCoversThePairsOfItsDimension()
    {
        Assert.Equal(["critic/gauss-0-2", "critic/gauss-0-0.5"], GoldenFile.CriticSuite(1).Select(e => e.Id));
        Assert.All(GoldenFile.CriticSuite(2), e => Assert.True(e.IsUserCritic));
        Assert.Empty(GoldenFile.CriticSuite(3));
    }
}
