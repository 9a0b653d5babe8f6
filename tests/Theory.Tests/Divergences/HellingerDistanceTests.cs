using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Xunit;
using Div = Verify.Theory.Divergences;

namespace Verify.Theory.Tests.Divergences;

public sealed class HellingerDistanceTests
{
    [Fact]
    public void KnownValue()
    {
        // NumPy 1.24.2: np.sqrt(0.5*((np.sqrt(p)-np.sqrt(q))**2).sum()) for p=[.2,0,.5,.3], q=[.1,.4,.1,.4]
        Tolerance.Close(0.5371793783262124, Div.Hellinger([0.2, 0.0, 0.5, 0.3], [0.1, 0.4, 0.1, 0.4]), rel: 1e-15);
        Assert.Equal(1.0, Div.Hellinger([1.0, 0.0], [0.0, 1.0]));
        Assert.Equal(0.0, Div.Hellinger([0.3, 0.7], [0.3, 0.7]));
    }

    [Property(MaxTest = 300)]
    public Property AgreesWithTheBhattacharyyaForm() =>
        // Independent route: H² = 1 − Σ √(pᵢqᵢ) (the Bhattacharyya coefficient).
        Prop.ForAll(Laws.VectorPairs, pair =>
        {
            double bc = pair.P.Select((p, i) => Math.Sqrt(p * pair.Q[i])).Sum();
            double h = Div.Hellinger(pair.P, pair.Q);
            return Tolerance.IsClose(1 - bc, h * h, rel: 1e-12, abs: 1e-14);
        });

    [Property(MaxTest = 300)]
    public Property IsSandwichedByTV() =>
        // H² ≤ TV ≤ √2·H (with H² = ½Σ(√p − √q)²; TV ≤ H√(2 − H²) gives the upper bound).
        Prop.ForAll(Laws.VectorPairs, pair =>
        {
            double h = Div.Hellinger(pair.P, pair.Q), tv = Div.TV(pair.P, pair.Q);
            return h * h <= tv + 1e-12 && tv <= Math.Sqrt(2) * h + 1e-12 && h <= 1;
        });

    [Property(MaxTest = 200)]
    public Property IsOneOnDisjointSupports() =>
        // Exactly 1: computed as √(1 − Σ√(pq)) when the affinity is small, and the affinity of disjoint laws is 0.
        Prop.ForAll(Laws.DisjointPairs, pair => Div.Hellinger(pair.P, pair.Q) == 1.0);
}
