using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Layers;

/// <summary>Explicit registration: order, dotted names, duplicates and non-leaf parameters refused.</summary>
public sealed class ModuleTests
{
    private sealed class Affine : Module<double>
    {
        public Affine()
        {
            Scale = RegisterParameter("scale", Tensor.Ones<double>(2));
            Inner = RegisterModule("inner", new Sequential<double>(new Tanh<double>()));
            Shift = RegisterParameter("shift", Tensor.Zeros<double>(2));
        }

        public Tensor<double> Scale { get; }
        public Tensor<double> Shift { get; }
        public Sequential<double> Inner { get; }

        public override Tensor<double> Forward(Tensor<double> input) => Inner.Forward(input * Scale + Shift);

        public void RegisterAgain() => RegisterParameter("scale", Tensor.Ones<double>(1));

        public void RegisterNonLeaf() => RegisterParameter("derived", Scale * 2.0);
    }

    [Fact]
    public void OwnParametersComeFirstInRegistrationOrder()
    {
        var m = new Affine();
        Assert.Equal(new[] { "scale", "shift" }, m.NamedParameters().Select(p => p.Name));
        Assert.All(m.Parameters(), p => Assert.True(p.RequiresGrad));
        Assert.Single(m.Children);
    }

    [Fact]
    public void DuplicatesAndNonLeavesAreRefused()
    {
        var m = new Affine();
        Assert.Throws<ArgumentException>(m.RegisterAgain);
        Assert.Throws<ArgumentException>(m.RegisterNonLeaf);
    }
}
