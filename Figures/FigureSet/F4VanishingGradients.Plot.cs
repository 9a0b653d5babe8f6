using ScottPlot;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet;

public sealed partial class F4VanishingGradients
{
    private static readonly MarkerShape[] StageMarkers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    public override FigureLayout Render(TableSet tables)
    {
        TidyTable n = tables[NormsSchema.Name];
        var figure = new FigureLayout(1, 2, 340, 300);
        string[] stages = n.Distinct("stage");
        foreach (var (plot, logX) in new[] { (figure[0, 0], false), (figure[0, 1], true) })
        {
            for (int s = 0; s < stages.Length; s++)
                foreach (string critic in new[] { "gan", "wgan-gp" })
                {
                    int[] rows = n.Where(("stage", stages[s]), ("critic", critic)).ToArray();
                    double[] it = n.Numbers(rows, "critic_iteration"), norm = n.Numbers(rows, "gradient_norm");
                    double[] x = logX ? it.Select(LogScale.Log10).ToArray() : it;
                    double shade = stages.Length == 1 ? 0 : 0.45 * (1 - s / (double)(stages.Length - 1));
                    Color color = (critic == "gan" ? Style.Vermillion : Style.Blue).Lighten(shade);
                    var keep = x.Select((v, i) => (v, i)).Where(p => double.IsFinite(p.v)).Select(p => p.i).ToArray();
                    var line = plot.Add.ScatterLine(keep.Select(i => x[i]).ToArray(), keep.Select(i => LogScale.Log10(norm[i])).ToArray(), color);
                    line.LineWidth = Style.LineWidth;
                    line.MarkerShape = StageMarkers[s % StageMarkers.Length];
                    line.MarkerSize = 5;
                    line.LegendText = $"{(critic == "gan" ? "GAN discriminator" : "WGAN-GP critic")}, G after {stages[s]} iterations";
                }
            LogScale.Y(plot);
            if (logX) LogScale.X(plot);
            plot.XLabel(logX ? "discriminator iterations (log scale)" : "discriminator iterations");
            plot.YLabel("‖∇θ L‖ of the frozen generator");
            plot.Title(logX ? "(b) the same, log–log" : "(a) generator gradient norm, log scale");
        }
        foreach (Plot p in figure.Panels()) Style.Apply(p);
        figure.ShareLegend();
        return figure;
    }
}
