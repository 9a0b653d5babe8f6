using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Checks;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Checks;

public sealed class GeneratorsTests
{
    public sealed record Weights(double[] Values);
    public sealed record Sparse(double[] Values);

    public static Arbitrary<Weights> WeightVectors() => Gen.Choose(1, 12).SelectMany(Generators.Weights).Select(w => new Weights(w)).ToArbitrary();
    public static Arbitrary<Sparse> SparseVectors() => Gen.Choose(1, 12).SelectMany(Generators.SparseWeights).Select(w => new Sparse(w)).ToArbitrary();
    public static Arbitrary<DiscreteDistribution> Laws() => Generators.Law(2, 5, Generators.OnGrid(-4, 4, 0.5)).ToArbitrary();

    [Property(Arbitrary = [typeof(GeneratorsTests)])]
    public bool WeightsArePositiveAndSumToOne(Weights w) =>
        w.Values.All(x => x > 0) && Math.Abs(w.Values.Sum() - 1) <= 1e-15;

    [Property(Arbitrary = [typeof(GeneratorsTests)])]
    public bool SparseWeightsAreProbabilityVectors(Sparse w) =>
        w.Values.All(x => x >= 0) && w.Values.Any(x => x > 0) && Math.Abs(w.Values.Sum() - 1) <= 1e-15;

    [Property(Arbitrary = [typeof(GeneratorsTests)])]
    public bool LawsLiveOnTheirGrid(DiscreteDistribution p) =>
        p.Dimension == 2 && p.Count is >= 1 and <= 5 && p.Points.ToArray().All(x => x * 2 == Math.Round(x * 2) && Math.Abs(x) <= 2);

    [Fact]
    public void SparseWeightsSometimesHaveZeros() =>
        Assert.Contains(Generators.SparseWeights(6).Sample(50, new Rnd(7UL, 9UL), 50), v => v.Contains(0.0));

    [Fact]
    public void SignedLogUniformCoversBothSignsWithinItsMagnitudes()
    {
        double[] xs = Generators.SignedLogUniform(-3, 1).Sample(50, new Rnd(7UL, 9UL), 200);
        Assert.Contains(xs, x => x < 0);
        Assert.Contains(xs, x => x > 0);
        Assert.All(xs, x => Assert.InRange(Math.Abs(x), 1e-3 * (1 - 1e-12), 10 * (1 + 1e-12)));
    }

    [Fact]
    public void PermutationsArePermutations() =>
        Assert.All(Generators.Permutation(7).Sample(50, new Rnd(7UL, 9UL), 20), p => Assert.Equal(Enumerable.Range(0, 7), p.Order()));
}
