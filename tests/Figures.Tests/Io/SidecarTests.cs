using System.Text.Json;
using Verify.Figures.Io;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class SidecarTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-sidecar-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheSidecarOfAFileIsItsNamePlusJsonWithTheProvenanceKeysInOrder()
    {
        string data = Path.Combine(_dir, "p.csv");
        var provenance = new Provenance("verify sample x --out p.csv", "gaussian-pair", 4.0, 7) { Extra = [new("n", 3)], Notes = ["a note"] };
        string? written = Sidecar.Write(OutputTarget.Resolve(data), "csv", ["x"], 3, provenance);
        Assert.Equal(data + ".json", written);
        Assert.Equal(data + ".json", Sidecar.PathFor(data));
        using var doc = JsonDocument.Parse(File.ReadAllText(written!));
        JsonElement j = doc.RootElement;
        Assert.Equal(["file", "format", "columns", "rows", "command", "version", "family", "theta", "seed", "n", "notes"],
            j.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("p.csv", j.GetProperty("file").GetString());
        Assert.Equal(4.0, j.GetProperty("theta").GetDouble());
        Assert.Equal(7, j.GetProperty("seed").GetInt64());
        Assert.Equal(Sidecar.Version, j.GetProperty("version").GetString());
        Assert.False(string.IsNullOrWhiteSpace(Sidecar.Version));
    }

    [Fact]
    public void AFamilyWithoutThetaRecordsNullAndNothingIsWrittenBesideNonFiles()
    {
        string text = Sidecar.Render("s.csv", "csv", ["x", "y"], 2, new Provenance("verify", "swissroll", null, 1));
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("theta").ValueKind);
        Assert.Null(Sidecar.Write(OutputTarget.Resolve("-"), "csv", ["x"], 1, new Provenance("verify")));
        Assert.Null(Sidecar.Write(OutputTarget.Resolve("/dev/null"), "csv", ["x"], 1, new Provenance("verify")));
        Assert.False(File.Exists("/dev/null.json"));
    }
}
