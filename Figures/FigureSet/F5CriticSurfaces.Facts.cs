using Verify.Figures.FigureSet.Core;

namespace Verify.Figures.FigureSet;

public sealed partial class F5CriticSurfaces
{
    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable est = tables[EstimatesSchema.Name], layers = tables[LayersSchema.Name], summary = tables[WeightSummarySchema.Name];
        var facts = new List<Fact>();

        double atBound = Summary(summary, "clip-0.01", "at_bound");
        facts.Add(Fact.AtLeast("clip-weights-at-bound", "deep critic clipped at c = 0.01: share of its weights sitting exactly at ±c", atBound, 0.5, "wgan-clip.scaled-estimate"));
        double gpMax = Summary(summary, "gp", "max_abs");
        facts.Add(Fact.AtLeast("gp-weights-spread", "deep critic with gradient penalty: largest |weight| (no box: ten times the clip bound 0.01 or more)", gpMax, 0.1));

        double Depth(string critic)
        {
            double[] n = Groups.Column(layers, "gradient_norm", ("critic", critic));
            return n[0] / n[^1];
        }
        double r1 = Depth("clip-0.1"), r2 = Depth("clip-0.01"), r3 = Depth("clip-0.001");
        facts.Add(new Fact("clip-gradients-ordered", "clipped deep critics: ‖∂ℓ/∂z₁‖ ÷ ‖∂ℓ/∂z_out‖ falls with c (c = 0.1 > 0.01 > 0.001); measured: the c = 0.01 ratio ÷ the c = 0.001 ratio",
            r2 / r3, "> 1, and the c = 0.1 ratio > the c = 0.01 ratio", r1 > r2 && r2 > r3));
        facts.Add(Fact.AtMost("clip-gradients-vanish", "deep critic clipped at c = 0.001: gradient norm at the first layer ÷ at the output", r3, 1e-6));
        double[] gp = Groups.Column(layers, "gradient_norm", ("critic", "gp"));
        facts.Add(Fact.AtMost("gp-gradients-flat", "deep critic with gradient penalty: largest ÷ smallest layer gradient norm", gp.Max() / gp.Min(), 100));

        double clip = est.Where(("method", "wgan-clip")).Max(r => est.Number(r, "estimate") / est.Number(r, "exact_w1"));
        facts.Add(Fact.AtMost("clip-scaled", "clipped surface critics: estimate ÷ exact W₁ of the held-out samples (largest over data sets)", clip, 0.1, "wgan-clip.scaled-estimate"));
        double gpErr = est.Where(("method", "wgan-gp")).Max(r => Math.Abs(est.Number(r, "estimate") / est.Number(r, "exact_w1") - 1));
        facts.Add(Fact.Observed("gp-relative-error", "penalised surface critics: |estimate ÷ exact W₁ − 1| (largest over data sets); the penalty's optimum overshoots by W₁/(2λ)",
            gpErr, "wgan-gp.overshoot"));
        return facts;
    }

    public override IReadOnlyList<Comparison> Comparisons(TableSet tables)
    {
        TidyTable est = tables[EstimatesSchema.Name];
        return Enumerable.Range(0, est.Count).Select(r => new Comparison(
            est.Text(r, "dataset") + " vs + N(0, I), held-out halves", "W₁", est.Text(r, "method"), est.Number(r, "exact_w1"), est.Number(r, "estimate"), 0, 1)).ToArray();
    }

    private static double Summary(TidyTable t, string critic, string column) => t.Number(t.Where(("critic", critic)).Single(), column);
}
