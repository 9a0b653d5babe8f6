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

    private sealed class WithBuffer : Module<double>
    {
        public WithBuffer()
        {
            RegisterParameter("weight", Tensor.Ones<double>(2));
            RegisterBuffer("count", Tensor.Zeros<double>());
            RegisterModule("inner", new BatchNorm1d<double>(2));
        }

        public override Tensor<double> Forward(Tensor<double> input) => input;

        public void BufferNamedLikeTheParameter() => RegisterBuffer("weight", Tensor.Zeros<double>(1));

        public void BufferThatRequiresGrad() => RegisterBuffer("g", Tensor.Zeros<double>(1).RequireGrad());
    }

    [Fact]
    public void BuffersAreNamedLikePyTorchsAndModesPropagate()
    {
        var m = new WithBuffer();
        Assert.Equal(new[] { "count", "inner.running_mean", "inner.running_var", "inner.num_batches_tracked" }, m.NamedBuffers().Select(b => b.Name));
        Assert.Equal(new[] { "weight", "inner.weight", "inner.bias" }, m.NamedParameters().Select(p => p.Name));
        Assert.True(m.Training);
        m.Eval();
        Assert.False(m.Training);
        Assert.False(m.Children[0].Module.Training);
        ((IModule<double>)m).Train();
        Assert.True(m.Children[0].Module.Training);
        Assert.Throws<ArgumentException>(m.BufferNamedLikeTheParameter);
        Assert.Throws<ArgumentException>(m.BufferThatRequiresGrad);
    }

    [Fact]
    public void DuplicatesAndNonLeavesAreRefused()
    {
        var m = new Affine();
        Assert.Throws<ArgumentException>(m.RegisterAgain);
        Assert.Throws<ArgumentException>(m.RegisterNonLeaf);
    }
}
