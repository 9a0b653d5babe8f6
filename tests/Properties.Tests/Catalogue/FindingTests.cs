using Verify.Properties.Catalogue;
using Xunit;

namespace Verify.Properties.Tests.Catalogue;

public sealed class FindingTests
{
    [Fact]
    public void BindingIsTheFirstFailingConditionOtherwiseTheTightest()
    {
        var loose = Condition.AtMost("loose", -1, 0, 1);
        var tight = Condition.Equal("tight", 0.9, 1, 0.2);
        var broken = Condition.AtLeast("broken", 0, 1, 0);
        Assert.Same(tight, new Finding([loose, tight]).Binding);
        Assert.Same(broken, new Finding([loose, broken, tight]).Binding);
    }

    [Fact]
    public void AnErrorIsNeitherAPassNorAFalsification()
    {
        Finding f = Finding.Failed("boom");
        Assert.False(f.Passed);
        Assert.False(f.FailedACondition);
        Assert.Null(f.Binding);
    }

    [Fact]
    public void AFindingNeedsAConditionOrAnError() =>
        Assert.Throws<ArgumentException>(() => new Finding([]));
}
