using System.Globalization;
using System.Text;
using Verify.Figures.FigureSet.Core;
using Verify.Properties.Catalogue;

namespace Verify.Figures.Report;

/// <summary>
/// report.md: the same content as report.html for reading in a repository or pasting into notes; figures are linked
/// from their folders (figures/ID/figure.png, relative to the report), not inlined.
/// </summary>
public static class MarkdownReport
{
    public static string Render(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var m = new StringBuilder();
        m.AppendLine("# Verify report").AppendLine()
         .AppendLine($"**{(data.Passed ? "All checks pass" : "Some checks fail")}.** Claims: {data.ClaimsPassed} of {data.Claims.Count} pass. " +
                     $"Figures: {data.FiguresPassed} of {data.Figures.Count} with every key fact holding.").AppendLine()
         .AppendLine($"Scale {data.Run.ScaleName}, figure seed {data.Run.Seed}, claims from " +
                     (data.ClaimSeed is { } s ? $"seed {s}" : "each claim's default seed") +
                     $", {RunProgress.Clock(TimeSpan.FromSeconds(data.Seconds))} (m:ss). Regenerate with `{data.Command}`.").AppendLine();

        m.AppendLine("## Claims").AppendLine();
        if (data.Claims.Count == 0) m.AppendLine("No claims were run.").AppendLine();
        else
        {
            m.AppendLine("| verdict | id | claim | source | kind | measured | expected | tolerance | s |").AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (ClaimResult c in data.Claims)
                m.AppendLine($"| {c.Verdict} | `{c.Id}` | {Cell(c.Claim.Statement)} | {Cell(c.Claim.Source)} | {c.Claim.Kind.Name()} | {Num(c.Measured)} | " +
                             $"{(c.Binding is { } b ? b.Relation.Symbol() + " " : "")}{Num(c.Expected)} | {Num(c.Tolerance)} | {c.Seconds.ToString("F1", CultureInfo.InvariantCulture)} |");
            m.AppendLine();
            foreach (ClaimResult c in data.Claims.Where(c => !c.Passed))
                m.AppendLine($"- `{c.Id}` failed: {Cell(c.Detail)} Replay: `{c.ReplayCommand}`");
            m.AppendLine();
        }

        foreach (FigureResult f in data.Figures)
        {
            m.AppendLine($"## {f.Figure.Id}: {f.Figure.Title}").AppendLine();
            if (f.Error is not null)
            {
                m.AppendLine($"**fail**: this figure could not be made: {f.Error}").AppendLine();
                continue;
            }
            m.AppendLine($"![{f.Figure.Title}]({ReportData.FiguresFolder}/{f.Figure.Id}/{FigureFolder.PngName})").AppendLine()
             .AppendLine(f.Figure.Caption).AppendLine()
             .AppendLine("Claims illustrated: " + string.Join(", ", f.Figure.Claims.Select(c => $"`{c}`")) + ".").AppendLine()
             .AppendLine("| verdict | fact | measured | expected | claim |").AppendLine("|---|---|---|---|---|");
            foreach (Fact x in f.Facts)
                m.AppendLine($"| {x.Verdict} | {Cell(x.Statement)} | {Num(x.Measured)} | {Cell(x.Expected)} | {(x.Claim is null ? "" : $"`{x.Claim}`")} |");
            m.AppendLine();
            if (f.Comparisons.Count > 0)
            {
                m.AppendLine("| setting | quantity | method | exact | estimate | ± half-range | seeds |").AppendLine("|---|---|---|---|---|---|---|");
                foreach (Comparison c in f.Comparisons)
                    m.AppendLine($"| {Cell(c.Setting)} | {Cell(c.Quantity)} | {c.Method} | {Num(c.Exact)} | {Num(c.Estimate)} | {Num(c.Spread)} | {c.Seeds} |");
                m.AppendLine();
            }
            m.AppendLine($"Regenerate: `{f.Json["command"]?.GetValue<string>()}`; redraw from the CSV: `{f.Figure.RerenderCommand}`. " +
                         $"Settings, seeds and facts: `{ReportData.FiguresFolder}/{f.Figure.Id}/{FigureFolder.JsonName}`.").AppendLine();
        }
        return m.ToString();
    }

    private static string Num(double v) => double.IsNaN(v) ? "–" : Fact.Show(v);

    private static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
