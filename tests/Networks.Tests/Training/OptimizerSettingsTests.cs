using Verify.Networks.Training;
using Xunit;

namespace Verify.Networks.Tests.Training;

public sealed class OptimizerSettingsTests
{
    [Fact]
    public void PrintsLikePyTorch()
    {
        Assert.Equal("Adam(lr=0.0001, betas=(0.5, 0.9))", OptimizerSettings.Adam(1e-4, 0.5, 0.9).ToString());
        Assert.Equal("RMSprop(lr=5E-05, alpha=0.99)", OptimizerSettings.RmsProp(5e-5).ToString());
        Assert.Equal("SGD(lr=0.1, momentum=0.9)", OptimizerSettings.Sgd(0.1, 0.9).ToString());
    }

    [Fact]
    public void RefusesOutOfRangeValues()
    {
        Assert.Throws<ArgumentException>(() => OptimizerSettings.Adam(1e-4, 1.0, 0.9).Validate("x"));
        Assert.Throws<ArgumentException>(() => OptimizerSettings.Sgd(double.PositiveInfinity).Validate("x"));
        Assert.Throws<ArgumentException>(() => OptimizerSettings.Sgd(0.1, -0.5).Validate("x"));
        OptimizerSettings.RmsProp(5e-5).Validate("x");
    }
}
