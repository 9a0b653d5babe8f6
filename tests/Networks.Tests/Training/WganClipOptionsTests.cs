using Verify.Networks.Training;
using Xunit;

namespace Verify.Networks.Tests.Training;

public sealed class WganClipOptionsTests
{
    [Fact]
    public void ReferenceWarmupFollowsTheReferenceSchedule()
    {
        // martinarjovsky/WassersteinGAN main.py: Diters = 100 if gen_iterations < 25 or gen_iterations % 500 == 0, else 5.
        var warm = new WganClipOptions { ReferenceWarmup = true };
        int[] expected = Enumerable.Range(0, 1002).Select(g => g < 25 || g % 500 == 0 ? 100 : 5).ToArray();
        Assert.Equal(expected, Enumerable.Range(0, 1002).Select(warm.CriticStepsAt));
        Assert.All(Enumerable.Range(0, 1002), g => Assert.Equal(5, new WganClipOptions().CriticStepsAt(g)));
    }

    [Fact]
    public void ClipMustBePositive()
    {
        Assert.Contains("clip", Assert.Throws<ArgumentException>(() => new WganClipOptions { Clip = 0 }.Validate()).Message);
    }
}
