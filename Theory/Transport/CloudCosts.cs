namespace Verify.Theory;

/// <summary>
/// The costs cᵢⱼ = c(xᵢ, yⱼ) between two point clouds, computed on the fly and never stored as a matrix: the
/// matrix-free transport route (<see cref="CloudTransport"/>) asks them for candidate arcs, for the arcs that price
/// negative against the current potentials, and for the certificate's sweep over all pairs. Every cost is computed by
/// <see cref="GroundCost.EvaluateUnchecked"/>, the same function that fills the dense matrix, so both routes solve the
/// same problem to the bit. Two implementations: <see cref="TreeCosts"/> (k-d trees with branch and bound, low
/// dimension) and <see cref="BlockCosts"/> (blocks of rows from dot products, any dimension).
/// </summary>
internal abstract class CloudCosts : PairCosts
{
    protected CloudCosts(double[] xs, double[] ys, int dimension, GroundCost cost)
        : base(xs.Length / dimension, ys.Length / dimension)
    {
        Xs = xs;
        Ys = ys;
        Dimension = dimension;
        Cost = cost;
    }

    /// <summary>Source points, row-major n × d.</summary>
    public double[] Xs { get; }

    /// <summary>Target points, row-major m × d.</summary>
    public double[] Ys { get; }

    /// <summary>Coordinates per point.</summary>
    public int Dimension { get; }

    /// <summary>The ground cost.</summary>
    public GroundCost Cost { get; }

    /// <summary>Source i.</summary>
    public ReadOnlySpan<double> X(int i) => Xs.AsSpan(i * Dimension, Dimension);

    /// <summary>Target j.</summary>
    public ReadOnlySpan<double> Y(int j) => Ys.AsSpan(j * Dimension, Dimension);

    public override double At(int i, int j) => Cost.EvaluateUnchecked(X(i), Y(j));

    public override ReadOnlySpan<double> Row(int i, Span<double> buffer)
    {
        ReadOnlySpan<double> x = X(i);
        for (int j = 0; j < M; j++) buffer[j] = Cost.EvaluateUnchecked(x, Y(j));
        return buffer;
    }

    /// <summary>Costs are computed, so the polish gets a fixed budget of evaluations rather than 2·n·m.</summary>
    public override long PolishBudget => Math.Min(2L * N * M, 200_000_000L);

    /// <summary>max |cᵢⱼ| and min cᵢⱼ over all pairs, exactly (the costs computed as the matrix would hold them).</summary>
    public abstract (double MaxAbs, double Min) Range();

    /// <summary>
    /// The k cheapest targets of every source and the k cheapest sources of every target (ties to the lower index), as
    /// arcs (i, j), rows first, in a deterministic order.
    /// </summary>
    public abstract void Nearest(int k, List<(int I, int J)> arcs);

    /// <summary>
    /// For every query point zₜ (row-major in <paramref name="points"/>) the k targets (<paramref name="targets"/>
    /// true) or sources nearest to it under the cost, written to result[t·k …] (−1 where fewer exist).
    /// </summary>
    public abstract void NearestTo(double[] points, bool targets, int k, int[] result);

    /// <summary>
    /// Prices every pair against the potentials π (sources 0…n−1, targets n…n+m−1) with the solver's own rule
    /// (arc (i, j) enters when fma(cᵢⱼ, 1+ε, RowConstant(πᵢ)) − Low(π_{n+j}) &lt; 0) and returns, in a deterministic order,
    /// up to <paramref name="perRow"/> most negative arcs of every row and <paramref name="perColumn"/> of every column.
    /// Empty exactly when no pair prices negative.
    /// </summary>
    public abstract List<(int I, int J)> Price(ReadOnlySpan<double> pi, PricingRule rule, int perRow, int perColumn);

    /// <summary>
    /// The two halves of the pricing rule's reduced cost, once per node: RowConstant(πᵢ) for every source and Low(π_{n+j})
    /// for every target, so that arc (i, j) prices as fma(cᵢⱼ, CostFactor, rowConst[i]) − low[j].
    /// </summary>
    protected (double[] RowConst, double[] Low) PricingTerms(ReadOnlySpan<double> pi, PricingRule rule)
    {
        var rowConst = new double[N];
        var low = new double[M];
        for (int i = 0; i < N; i++) rowConst[i] = rule.RowConstant(pi[i]);
        for (int j = 0; j < M; j++) low[j] = rule.Low(pi[N + j]);
        return (rowConst, low);
    }

    /// <summary>
    /// Keeps the <paramref name="cap"/> smallest pairs (value, index) in lexicographic order, sorted ascending: the set
    /// kept does not depend on the order of the inserts.
    /// </summary>
    internal static void Insert(Span<double> val, Span<int> idx, ref int size, int cap, double v, int index)
    {
        if (size == cap && !(v < val[cap - 1] || (v == val[cap - 1] && index < idx[cap - 1]))) return;
        int pos = size == cap ? cap - 1 : size++;
        while (pos > 0 && (val[pos - 1] > v || (val[pos - 1] == v && idx[pos - 1] > index)))
        {
            val[pos] = val[pos - 1];
            idx[pos] = idx[pos - 1];
            pos--;
        }
        val[pos] = v;
        idx[pos] = index;
    }
}
