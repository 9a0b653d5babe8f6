using Verify.Properties.Catalogue;
using Verify.Properties.Gan;
using Xunit;

namespace Verify.Properties.Tests.Gan;

public sealed class FixedGeneratorRunTests
{
    [Fact]
    public void TheRunIsKeptAndItsFirstPointIsTheUntrainedDiscriminator()
    {
        var a = FixedGeneratorRun.Discriminator(ClaimScale.Quick, 1, 8.0);
        Assert.Same(a, FixedGeneratorRun.Discriminator(ClaimScale.Quick, 1, 8.0));
        Assert.Equal(0, a.First.Step);
        Assert.Equal(FixedGeneratorRun.Steps(ClaimScale.Quick), a.Last.Step);
        // At D ≈ ½ the two losses' gradients differ by the factor (1 − D)/D ≈ 1 per sample.
        Assert.InRange(a.First.NonSaturating / a.First.Minimax, 0.2, 5);
    }
}
