using Verify.Figures.FigureSet.Core;

namespace Verify.Figures.FigureSet;

public sealed partial class F3OptimalDiscriminator
{
    /// <summary>W₁ = 4 and λ = 10: the penalised critics' optimal slope 1 + W₁/(2λ).</summary>
    public const double OvershootSlope = 1.2;

    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable c = tables[CurvesSchema.Name], e = tables[EstimatesSchema.Name];
        var facts = new List<Fact>();
        double dAtFake = At(c, "exact-dstar", FakeMean, "value").Single();
        facts.Add(Fact.AtMost("dstar-saturates", "D*(4): the optimal discriminator at the fake mode (closed form e^{−32}/(1 + e^{−32}) ≈ 1.3·10⁻¹⁴)",
            dAtFake, 1e-13, "optimal-discriminator.maximises"));
        double dSlope = Math.Abs(At(c, "exact-dstar", FakeMean, "slope").Single());
        facts.Add(Fact.AtMost("dstar-slope-vanishes", "|dD*/dx| at the fake mode x = 4", dSlope, 1e-12, "gan.vanishing-gradient"));

        double saturation = c.Distinct("seed").Where(s => c.Where(("method", "gan"), ("seed", s)).Any()).Max(s =>
        {
            double atFake = Math.Abs(At(c, "gan", FakeMean, "slope", s).Single());
            double peak = c.Where(("method", "gan"), ("seed", s)).Max(r => Math.Abs(c.Number(r, "slope")));
            return atFake / peak;
        });
        facts.Add(Fact.AtMost("gan-saturates", "trained GAN discriminator: |dD/dx| at x = 4 ÷ its largest |dD/dx| on the grid (worst seed)",
            saturation, 1e-3, "gan.vanishing-gradient"));

        double lpSlope = c.Where(("method", "wgan-lp")).Where(r => c.Number(r, "x") is >= 0 and <= FakeMean).Average(r => -c.Number(r, "slope"));
        facts.Add(new Fact("critic-slope", "trained WGAN-LP critic: mean −df/dx on [0, 4] (all seeds), against 1 + W₁/(2λ) = 1.2 ± 0.12",
            lpSlope, "1.2 ± 0.12", Math.Abs(lpSlope - OvershootSlope) <= 0.12, "wgan-gp.overshoot"));
        double lpAtFake = At(c, "wgan-lp", FakeMean, "slope").Min(Math.Abs);
        facts.Add(Fact.AtLeast("critic-gradient-at-fake", "trained WGAN-LP critic: |df/dx| at the fake mode x = 4 (smallest over seeds)",
            lpAtFake, 0.5, "gan.vanishing-gradient"));
        double js = e.Numbers(e.Where(("method", "gan")), "estimate").Min();
        facts.Add(Fact.AtLeast("gan-js-estimate", "GAN discriminator's held-out JS estimate (smallest over seeds), nats; exact JS = log 2 − 6·10⁻⁵",
            js, Math.Log(2) - 0.02, "optimal-discriminator.value"));
        int trapped = e.Where(("method", "wgan-gp")).Count(r => e.Number(r, "estimate") < 0);
        facts.Add(Fact.Observed("gp-spurious-optimum", "WGAN-GP seeds whose critic settled at the two-sided penalty's spurious optimum (negative estimate, slope ≈ −1 + W₁/(2λ) = −0.8)",
            trapped, "wgan-gp.spurious-optimum"));
        return facts;
    }

    public override IReadOnlyList<Comparison> Comparisons(TableSet tables)
    {
        TidyTable e = tables[EstimatesSchema.Name];
        return Methods.Select(m =>
        {
            int[] rows = e.Where(("method", m)).ToArray();
            var (mean, half) = Stats.Summary(e.Numbers(rows, "estimate"));
            bool gan = m == "gan";
            return new Comparison("N(0, 0.5²) vs N(4, 0.5²)", gan ? "JS (nats)" : "W₁", m, e.Number(rows[0], "exact"), mean, half, rows.Length);
        }).ToArray();
    }

    /// <summary>A column at one x for a method (one value per seed, or the one exact row).</summary>
    private static double[] At(TidyTable c, string method, double x, string column, string? seed = null)
    {
        var rows = c.Where(("method", method)).Where(r => Math.Abs(c.Number(r, "x") - x) < 1e-9);
        if (seed is not null) rows = rows.Where(r => c.Text(r, "seed") == seed);
        double[] v = c.Numbers(rows, column);
        return v.Length > 0 ? v : throw new InvalidDataException($"curves.csv has no {method} row at x = {x}");
    }
}
