using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

public class GroundCostTests
{
    private static readonly double[] X = [1, 2, -3];
    private static readonly double[] Y = [4, -2, 0];

    [Fact]
    public void EuclideanIsTheTwoNorm() => Tolerance.Close(Math.Sqrt(9 + 16 + 9), GroundCost.Euclidean.Evaluate(X, Y));

    [Fact]
    public void SquaredEuclideanIsTheSumOfSquares() => Tolerance.Close(34, GroundCost.SquaredEuclidean.Evaluate(X, Y));

    [Fact]
    public void ManhattanIsTheOneNorm() => Tolerance.Close(10, GroundCost.Manhattan.Evaluate(X, Y));

    [Fact]
    public void EuclideanPowerRaisesTheTwoNorm() =>
        Tolerance.Close(Math.Pow(34, 1.5), GroundCost.EuclideanPower(3).Evaluate(X, Y));

    [Fact]
    public void PowersOneAndTwoAreTheNamedCosts()
    {
        Assert.Same(GroundCost.Euclidean, GroundCost.EuclideanPower(1));
        Assert.Same(GroundCost.SquaredEuclidean, GroundCost.EuclideanPower(2));
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => GroundCost.EuclideanPower(0));
        Assert.Throws<ArgumentException>(() => GroundCost.EuclideanPower(double.NaN));
        Assert.Throws<ArgumentException>(() => GroundCost.Euclidean.Evaluate(X, [1.0, 2.0]));
        var p = DiscreteDistribution.FromRows([[0.0, 0.0]]);
        var q = DiscreteDistribution.OneD([1.0]);
        Assert.Throws<ArgumentException>(() => GroundCost.Euclidean.Matrix(p, q));
    }

    [Fact]
    public void MatrixMatchesPointwiseEvaluation()
    {
        var p = TransportData.Cloud(30, 3, seed: 1);
        var q = TransportData.Cloud(20, 3, seed: 2);
        foreach (var cost in new[] { GroundCost.Euclidean, GroundCost.SquaredEuclidean, GroundCost.Manhattan, GroundCost.EuclideanPower(1.5) })
        {
            double[,] c = cost.Matrix(p, q);
            Assert.Equal(30, c.GetLength(0));
            Assert.Equal(20, c.GetLength(1));
            for (int i = 0; i < 30; i++)
                for (int j = 0; j < 20; j++)
                    Assert.Equal(cost.Evaluate(p.Point(i), q.Point(j)), c[i, j]);
        }
    }
}
