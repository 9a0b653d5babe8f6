using System.Diagnostics;
using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Report;
using Verify.Properties.Catalogue;
using Xunit;

namespace Verify.Figures.Tests.Report;

/// <summary>
/// One quick-scale report for the whole test collection: every figure of the set, with the exact claims of the catalogue
/// (the trained-network claims run in Properties.Tests; here the report only has to show claims). The figure tests read
/// its folders back from CSV, so they also test the round trip. Needs the MNIST data for F4 (VERIFY_DATA, as scripts/test sets).
/// </summary>
public sealed class QuickReportFixture : IDisposable
{
    public QuickReportFixture()
    {
        Dir = Path.Combine(Path.GetTempPath(), "verify-quick-report-" + Guid.NewGuid().ToString("N"));
        var claims = Claims.All.Where(c => c.Kind == ClaimKind.Exact).ToArray();
        var clock = Stopwatch.StartNew();
        Data = ReportBuilder.Build(new ReportBuilder.Request(new FigureRun(Scale.Quick, 0), null, Dir, Claims: claims), TextWriter.Null, quiet: true);
        Elapsed = clock.Elapsed;
    }

    /// <summary>The report's folder.</summary>
    public string Dir { get; }

    public ReportData Data { get; }

    /// <summary>How long the quick report took (printed by the report test).</summary>
    public TimeSpan Elapsed { get; }

    public FigureResult Result(string id) => Data.Figures.Single(f => f.Figure.Id == id);

    /// <summary>The figure's folder.</summary>
    public string FigureDir(string id) => Path.Combine(Dir, ReportData.FiguresFolder, id);

    /// <summary>The figure's tables as read back from its CSV files.</summary>
    public TableSet Tables(string id) => FigureRegistry.Get(id).ReadTables(FigureDir(id));

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class QuickReportCollection : ICollectionFixture<QuickReportFixture>
{
    public const string Name = "quick report";
}

/// <summary>Assertions shared by the figure tests.</summary>
public static class FigureAssert
{
    /// <summary>The figure was made and every asserted fact holds (the message lists those that do not).</summary>
    public static void FactsHold(FigureResult r)
    {
        Assert.True(r.Error is null, $"{r.Figure.Id} could not be made: {r.Error}");
        var failed = r.Facts.Where(f => f.Asserted && !f.Holds).ToArray();
        Assert.True(failed.Length == 0, $"{r.Figure.Id}: " + string.Join("; ", failed.Select(f => $"{f.Id}: measured {f.Measured}, expected {f.Expected}")));
        Assert.Contains(r.Facts, f => f.Asserted);
    }

    /// <summary>The facts checked on the CSV read back equal those checked when the figure was made.</summary>
    public static void FactsReproduceFromCsv(FigureResult r, TableSet tables)
    {
        var again = r.Figure.Facts(tables);
        Assert.Equal(r.Facts.Select(f => (f.Id, f.Measured, f.Holds)), again.Select(f => (f.Id, f.Measured, f.Holds)));
    }
}
