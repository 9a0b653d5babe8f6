using System.Text.Json;
using Verify.Figures.Commands;
using Verify.Properties.Catalogue;
using Xunit;

namespace Verify.Figures.Tests.Commands;

public sealed class ClaimsCommandTests
{
    private static readonly string[] RequiredKeys = ["id", "statement", "source", "kind", "measured", "expected", "tolerance", "verdict", "seconds", "seed"];

    [Fact]
    public void JsonHasOneObjectPerClaimWithTheIssuesKeysAndTheCounts()
    {
        var (code, output, err) = CliRun.Invoke("claims", "--filter", "kr-duality", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        var claims = root.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(["kr-duality.attained", "kr-duality.bound"], claims.Select(c => c.GetProperty("id").GetString()));
        Assert.All(claims, c => Assert.All(RequiredKeys, k => Assert.True(c.TryGetProperty(k, out _), $"missing {k}")));
        Assert.All(claims, c => Assert.Equal("pass", c.GetProperty("verdict").GetString()));
        Assert.Equal(2, root.GetProperty("passed").GetInt32());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        Assert.Equal("", err);
    }

    [Fact]
    public void InfinityIsAStringAndTheSeedIsReported()
    {
        var (code, output, _) = CliRun.Invoke("claims", "--filter", "kl.disjoint", "--seed", "12", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        JsonElement claim = doc.RootElement.GetProperty("claims")[0];
        Assert.Equal(12, claim.GetProperty("seed").GetInt64());
        Assert.Equal("Infinity", claim.GetProperty("expected").GetString());
        Assert.Equal(12, doc.RootElement.GetProperty("seed").GetInt64());
    }

    [Fact]
    public void TheTableHasTheIssuesColumnsAndASummary()
    {
        var (code, output, _) = CliRun.Invoke("claims", "--filter", "pinsker");
        Assert.Equal(0, code);
        string[] lines = output.Split('\n');
        Assert.Equal(["id", "claim", "source", "measured", "expected", "tolerance", "verdict", "seconds"],
            lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pinsker ", lines[2]);
        Assert.Contains("1 passed, 0 failed (quick scale)", output);
    }

    [Fact]
    public void FalsifyExitsZeroWhenEveryCounterpartFails()
    {
        var (code, output, _) = CliRun.Invoke("claims", "--filter", "js.", "--falsify", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.All(doc.RootElement.GetProperty("claims").EnumerateArray(), c => Assert.Equal("fail", c.GetProperty("verdict").GetString()));
        Assert.True(doc.RootElement.GetProperty("falsify").GetBoolean());
        Assert.Equal(2, doc.RootElement.GetProperty("as_required").GetInt32());
    }

    [Fact]
    public void ExitCodeIsOneWhenAClaimFailsOrACounterpartHolds()
    {
        Finding Pass(ClaimScale s, long seed) => new([Condition.Equal("x", 0, 0, 0)]);
        Finding Fail(ClaimScale s, long seed) => new([Condition.Equal("x", 1, 0, 0)]);
        var good = new Claim("good", "s", "so", ClaimKind.Exact, "r", Pass, "w", Fail);
        var bad = new Claim("bad", "s", "so", ClaimKind.Exact, "r", Fail, "w", Pass);
        Assert.Equal(0, ClaimsCommand.ExitCode([good.Check()]));
        Assert.Equal(1, ClaimsCommand.ExitCode([good.Check(), bad.Check()]));
        Assert.Equal(0, ClaimsCommand.ExitCode([good.Falsify()]));
        Assert.Equal(1, ClaimsCommand.ExitCode([good.Falsify(), bad.Falsify()]));
        string table = ClaimsCommand.Table([good.Falsify(), bad.Falsify()], new ClaimRun(Falsify: true));
        Assert.Contains("NOT FALSIFIED", table);
        Assert.Contains("replay: verify claims --filter bad --scale quick --seed 1 --falsify", table);
    }

    [Theory]
    [InlineData("--filter", "no-such-claim")]
    [InlineData("--scale", "medium")]
    [InlineData("--seed", "abc")]
    public void BadInputIsOneLineAndExitTwo(string option, string value)
    {
        var (code, output, err) = CliRun.Invoke("claims", option, value);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("verify: error: ", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }
}
