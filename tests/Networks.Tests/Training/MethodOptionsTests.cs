using Verify.Networks.Training;
using Xunit;

namespace Verify.Networks.Tests.Training;

public sealed class MethodOptionsTests
{
    [Fact]
    public void DefaultsAreThePapers()
    {
        // WGAN, Arjovsky et al. 2017, Algorithm 1: α = 0.00005, c = 0.01, m = 64, n_critic = 5, RMSprop.
        var clip = (WganClipOptions)MethodOptions.Default("wgan-clip");
        Assert.Equal(OptimizerSettings.RmsProp(5e-5), clip.CriticOptimizer);
        Assert.Equal((0.01, 64, 5), (clip.Clip, clip.Batch, clip.NCritic));
        Assert.False(clip.ReferenceWarmup);
        // WGAN-GP, Gulrajani et al. 2017: λ = 10, n_critic = 5, m = 64, Adam(1e-4, 0.5, 0.9).
        var gp = (WganGpOptions)MethodOptions.Default("wgan-gp");
        Assert.Equal(OptimizerSettings.Adam(1e-4, 0.5, 0.9), gp.CriticOptimizer);
        Assert.Equal((10.0, 64, 5), (gp.Lambda, gp.Batch, gp.NCritic));
        var lp = (WganLpOptions)MethodOptions.Default("wgan-lp");
        Assert.Equal((10.0, 64, 5), (lp.Lambda, lp.Batch, lp.NCritic));
        Assert.Equal((gp.CriticOptimizer, gp.GeneratorOptimizer), (lp.CriticOptimizer, lp.GeneratorOptimizer));
        Assert.Equal(("two-sided", "one-sided"), (gp.Settings()[^1].Value, lp.Settings()[^1].Value));
        Assert.Equal(1, ((WganSnOptions)MethodOptions.Default("wgan-sn")).PowerIterations);
        var gan = (GanOptions)MethodOptions.Default("gan");
        Assert.Equal((1, GeneratorLoss.NonSaturating), (gan.NCritic, gan.GeneratorLoss));
        Assert.Equal(OptimizerSettings.Adam(2e-4, 0.5, 0.999), gan.CriticOptimizer);
        Assert.Equal("wgan-ct", MethodOptions.Default("wgan-ct").Method);
    }

    [Fact]
    public void EveryNameRoundTripsAndUnknownNamesAreRefused()
    {
        foreach (string name in MethodOptions.Names)
        {
            MethodOptions o = MethodOptions.Default(name);
            Assert.Equal(name, o.Method);
            o.Validate();
        }
        var e = Assert.Throws<ArgumentException>(() => MethodOptions.Default("wgan"));
        Assert.Contains("unknown method 'wgan'", e.Message);
        Assert.Contains("wgan-gp", e.Message);
    }

    [Fact]
    public void SettingsCarryEveryOptionInAStableOrder()
    {
        var gp = new WganGpOptions { Lambda = 0.1, Batch = 256 };
        var settings = gp.Settings();
        Assert.Equal(["method", "batch", "n_critic", "critic_optimizer", "generator_optimizer", "lambda", "penalty"], settings.Select(s => s.Key));
        Assert.Equal("wgan-gp: batch=256 n_critic=5 critic_optimizer=Adam(lr=0.0001, betas=(0.5, 0.9)) " +
                     "generator_optimizer=Adam(lr=0.0001, betas=(0.5, 0.9)) lambda=0.1 penalty=two-sided", gp.Describe());
    }

    [Fact]
    public void ValidateNamesTheBadOption()
    {
        Assert.Contains("batch must be at least 1", Assert.Throws<ArgumentException>(() => new WganGpOptions { Batch = 0 }.Validate()).Message);
        Assert.Contains("lambda", Assert.Throws<ArgumentException>(() => new WganLpOptions { Lambda = double.NaN }.Validate()).Message);
        Assert.Contains("n_critic", Assert.Throws<ArgumentException>(() => new GanOptions { NCritic = 0 }.Validate()).Message);
        Assert.Contains("power_iterations", Assert.Throws<ArgumentException>(() => new WganSnOptions { PowerIterations = 0 }.Validate()).Message);
        Assert.Contains("critic optimizer", Assert.Throws<ArgumentException>(() =>
            new WganCtOptions { CriticOptimizer = OptimizerSettings.Adam(-1, 0.5, 0.9) }.Validate()).Message);
    }
}
