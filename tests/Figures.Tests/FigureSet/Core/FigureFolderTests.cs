using System.Text.Json.Nodes;
using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Core;

[Collection(QuickReportCollection.Name)]
public sealed class FigureFolderTests(QuickReportFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-folder-").FullName;

    [Fact]
    public void RerenderingFromTheCsvGivesTheSameFactsAndTheSamePng()
    {
        foreach (string id in new[] { "f1-distances-vs-theta", "f3-optimal-discriminator" })
        {
            Figure f = FigureRegistry.Get(id);
            FigureResult again = FigureFolder.Rerender(f, fixture.FigureDir(id), Path.Combine(_dir, id));
            FigureResult first = fixture.Result(id);
            Assert.Equal(first.Facts.Select(x => (x.Id, x.Measured)), again.Facts.Select(x => (x.Id, x.Measured)));
            Assert.Equal(File.ReadAllBytes(first.PngPath), File.ReadAllBytes(again.PngPath));
            // The generation's record is kept; the new figure.json says where it was redrawn from.
            Assert.Equal(first.Json["command"]!.GetValue<string>(), again.Json["command"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(first.Json["settings"], again.Json["settings"]));
            Assert.Equal(Path.GetFullPath(fixture.FigureDir(id)), again.Json["rerendered_from"]!.GetValue<string>());
        }
    }

    [Fact]
    public void WithoutFigureJsonTheGenerationIsMarkedUnknown()
    {
        string id = "f3-optimal-discriminator";
        string copy = Path.Combine(_dir, "csv-only");
        Directory.CreateDirectory(copy);
        foreach (string csv in Directory.GetFiles(fixture.FigureDir(id), "*.csv")) File.Copy(csv, Path.Combine(copy, Path.GetFileName(csv)));
        FigureResult r = FigureFolder.Rerender(FigureRegistry.Get(id), copy, copy);
        Assert.StartsWith("unknown", r.Json["generation"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(copy, FigureFolder.PngName)));
    }

    [Fact]
    public void AFigureJsonOfAnotherFigureIsRefused()
    {
        string copy = Path.Combine(_dir, "mixed");
        Directory.CreateDirectory(copy);
        foreach (string csv in Directory.GetFiles(fixture.FigureDir("f3-optimal-discriminator"), "*.csv")) File.Copy(csv, Path.Combine(copy, Path.GetFileName(csv)));
        File.Copy(Path.Combine(fixture.FigureDir("f1-distances-vs-theta"), FigureFolder.JsonName), Path.Combine(copy, FigureFolder.JsonName));
        var e = Assert.Throws<UsageException>(() => FigureFolder.Rerender(FigureRegistry.Get("f3"), copy, copy));
        Assert.Contains("holds figure", e.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
