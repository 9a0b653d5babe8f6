using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Verify.Theory;

/// <summary>
/// A warm start for equal-size uniform clouds (n = m, every mass 1/n), where an optimal plan is a permutation: the
/// ε-scaling forward auction of Bertsekas ("The auction algorithm: a distributed relaxation method for the assignment
/// problem", 1988) on the sparse candidate arcs, then a spanning tree built around its permutation for the network
/// simplex (<see cref="NetworkSimplex.StartFrom(IReadOnlyList{int}, IReadOnlyList{int}?)"/>).
/// <para>
/// The auction gives a permutation σ and prices p with ε-complementary slackness: c(i, σ(i)) + p_σ(i) ≤
/// min_j (c(i, j) + p_j) + ε over i's candidates. It only steers the start: the simplex re-derives exact potentials from
/// the tree, and pricing every pair and the certificate remain the only judges of optimality, so a poor or failed auction
/// costs time, never correctness.
/// </para>
/// <para>
/// The tree joins the n arcs (i, σ(i)), each carrying 1/n, by zero-flow arcs (i′, j) that hang the pair of source i′
/// below the pair holding target j — directed towards the root, so the start is strongly feasible — chosen by Prim's
/// rule on the reduced cost r = c(i′, j) + p_j − (c(i′, σ(i′)) + p_σ(i′)) ≥ −ε under the auction prices. The tree's
/// potentials then differ from the auction's duals by the sums of these small r along paths.
/// </para>
/// </summary>
internal sealed class Auction
{
    /// <summary>Each ε-phase divides ε by this.</summary>
    private const double Scaling = 6.0;

    private readonly SparseArcs _arcs;
    private readonly int _n;
    private readonly double[] _price;
    private readonly int[] _owner, _held; // owner[j]: source holding target j; held[i]: arc number source i holds, −1 if none
    private readonly int[] _queue;
    private int _head, _size;
    private int[] _rowFirst = [], _rowTarget = [], _rowArc = [];
    private double[] _rowCost = [];
    private double _maxCost;
    private int _indexed;

    private Auction(SparseArcs arcs, int n, double epsilonRelative)
    {
        _epsilonRelative = epsilonRelative;
        _arcs = arcs;
        _n = n;
        _price = new double[n];
        _owner = new int[n];
        _held = new int[n];
        _queue = new int[n];
    }

    /// <summary>Bids made so far (over every phase and extension).</summary>
    public long Bids { get; private set; }

    /// <summary>The last ε.</summary>
    public double Epsilon => _maxCost * _epsilonRelative;

    /// <summary>The auction's last ε relative to the largest candidate cost, by default.</summary>
    public const double EpsilonRelative = 1e-7;

    private readonly double _epsilonRelative;
    private long _bidLimit = long.MaxValue;

    /// <summary>Whether the masses are n = m equal atoms (compared exactly: the same double on both sides).</summary>
    public static bool Applies(double[] a, double[] b)
    {
        if (a.Length != b.Length || a.Length < 2) return false;
        double w = a[0];
        foreach (double x in a) if (x != w) return false;
        foreach (double x in b) if (x != w) return false;
        return true;
    }

    /// <summary>
    /// Runs the ε-scaling auction on the arcs present, from ε = <paramref name="firstRelative"/>·max c and the given
    /// <paramref name="prices"/> (zero when null) down to ε = <paramref name="epsilonRelative"/>·max c; null when it gave
    /// up (no perfect matching among the candidates within its bid budget, or more than <paramref name="maxBids"/> bids).
    /// </summary>
    public static Auction? Run(SparseArcs arcs, int n, double epsilonRelative = EpsilonRelative, double[]? prices = null, double firstRelative = 0.25,
        long maxBids = long.MaxValue)
    {
        var auction = new Auction(arcs, n, epsilonRelative) { _bidLimit = maxBids };
        auction.Index();
        if (!(auction._maxCost > 0)) return null;
        Array.Fill(auction._owner, -1);
        Array.Fill(auction._held, -1);
        prices?.CopyTo(auction._price, 0);
        return auction.Scale(auction._maxCost * firstRelative) ? auction : null;
    }

    /// <summary>
    /// ε-scaling from <paramref name="eps"/> down to <see cref="Epsilon"/>: at each ε the sources whose target is no
    /// longer within ε of their best give it up, and the free sources bid. False when the auction gave up.
    /// </summary>
    private bool Scale(double eps)
    {
        double last = Epsilon;
        eps = Math.Max(eps, last);
        while (true)
        {
            Release(eps);
            _head = 0;
            _size = 0;
            for (int i = 0; i < _n; i++) if (_held[i] < 0) Push(i);
            if (!Bid(eps)) return false;
            if (eps <= last) return true;
            eps = Math.Max(last, eps / Scaling);
        }
    }

    /// <summary>
    /// Frees every source whose target is no longer within ε of its best candidate. The sources run in parallel halves:
    /// each frees only its own target, so the writes are disjoint and the outcome is that of one pass in order (measured
    /// over the 10⁵ Gaussian row's auction, 63 phases: 1.23 s in one pass, 0.78 s in two halves).
    /// </summary>
    private void Release(double eps)
    {
        int parts = Math.Max(1, Math.Min(Environment.ProcessorCount, _n / 4096));
        Parallel.For(0, parts, p =>
        {
            for (int i = (int)((long)_n * p / parts), end = (int)((long)_n * (p + 1) / parts); i < end; i++)
            {
                int h = _held[i];
                if (h >= 0 && Value(h) > Best(i) + eps)
                {
                    _owner[_arcs.Target(h)] = -1;
                    _held[i] = -1;
                }
            }
        });
    }

    private double Value(int e) => _arcs.Cost(e) + _price[_arcs.Target(e)];

    private double Best(int i)
    {
        double best = double.PositiveInfinity;
        for (int k = _rowFirst[i]; k < _rowFirst[i + 1]; k++) best = Math.Min(best, _rowCost[k] + _price[_rowTarget[k]]);
        return best;
    }

    /// <summary>
    /// The dual potentials in the solver's convention (reduced cost c + πᵢ − π_{n+j}), shifted by ε on the sources, so
    /// that an arc prices negative under them only when its reduced cost under the auction's duals is below −ε:
    /// π_{n+j} = −p_j, πᵢ = ε − (c(i, σ(i)) + p_σ(i)).
    /// </summary>
    public double[] Potentials()
    {
        var pi = new double[2 * _n + 1];
        double eps = Epsilon;
        for (int i = 0; i < _n; i++) pi[i] = eps - (_arcs.Cost(_held[i]) + _price[_arcs.Target(_held[i])]);
        for (int j = 0; j < _n; j++) pi[_n + j] = -_price[j];
        return pi;
    }

    /// <summary>
    /// Takes in the arcs added to the set since the last call: ε-scaling again from a quarter of the largest gain a new
    /// arc offers over a source's current target, but from at most <paramref name="capRelative"/>·max c, prices kept
    /// (starting much lower turns large violations into long price wars: measured at 10⁵ points, three phases above the
    /// last ε ran out of bids with the old candidates; with least-value candidates a cap of 10⁻⁴ took 20·10⁶ bids an
    /// extension, 10⁻⁵ 55·10⁶ and none 70·10⁶). False when the auction gave up (also after more than
    /// <paramref name="maxBids"/> bids in this extension).
    /// </summary>
    public bool Extend(double capRelative = double.PositiveInfinity, long maxBids = long.MaxValue)
    {
        _bidLimit = maxBids == long.MaxValue ? long.MaxValue : Bids + maxBids;
        int from = _indexed;
        Index();
        double worst = 0;
        for (int e = from; e < _arcs.Count; e++)
        {
            int h = _held[_arcs.Source(e)];
            if (h >= 0) worst = Math.Max(worst, Value(h) - Value(e));
        }
        return Scale(Math.Min(worst / 4, _maxCost * capRelative));
    }

    /// <summary>c(i, j) + p_j of every arc under the auction's prices, indexed by arc number.</summary>
    public double[] ArcValues()
    {
        var values = new double[_arcs.Count];
        for (int e = 0; e < values.Length; e++) values[e] = Value(e);
        return values;
    }

    /// <summary>The target σ(i) that source i holds.</summary>
    public int TargetOf(int i) => _arcs.Target(_held[i]);


    private void Push(int i)
    {
        int tail = _head + _size;
        if (tail >= _n) tail -= _n;
        _queue[tail] = i;
        _size++;
    }

    /// <summary>The candidate lists of every source (CSR, arcs in set order), and the largest |c|.</summary>
    private void Index()
    {
        int count = _arcs.Count, n = _n;
        var first = new int[n + 1];
        for (int e = 0; e < count; e++)
        {
            first[_arcs.Source(e) + 1]++;
            _maxCost = Math.Max(_maxCost, Math.Abs(_arcs.Cost(e)));
        }
        for (int i = 0; i < n; i++) first[i + 1] += first[i];
        var fill = (int[])first.Clone();
        var arc = new int[count];
        var target = new int[count];
        var cost = new double[count];
        for (int e = 0; e < count; e++)
        {
            int k = fill[_arcs.Source(e)]++;
            arc[k] = e;
            target[k] = _arcs.Target(e);
            cost[k] = _arcs.Cost(e);
        }
        (_rowFirst, _rowArc, _rowTarget, _rowCost) = (first, arc, target, cost);
        _indexed = count;
    }

    /// <summary>Forward bidding (Gauss–Seidel) until every source holds a target; false past the bid budget.</summary>
    private bool Bid(double eps)
    {
        int n = _n;
        int[] first = _rowFirst, target = _rowTarget, queue = _queue, owner = _owner, held = _held, arc = _rowArc;
        double[] cost = _rowCost, price = _price;
        long budget = 40L * target.Length + 40L * n, start = Bids;
        while (_size > 0)
        {
            int i = queue[_head];
            _head = _head + 1 == n ? 0 : _head + 1;
            _size--;
            if (_size > 0) Prefetch(queue[_head]);
            double w1 = double.PositiveInfinity, w2 = double.PositiveInfinity;
            int k1 = -1;
            for (int k = first[i]; k < first[i + 1]; k++)
            {
                double w = cost[k] + price[target[k]];
                if (w < w1)
                {
                    w2 = w1;
                    w1 = w;
                    k1 = k;
                }
                else if (w < w2) w2 = w;
            }
            if (k1 < 0) return false; // a source without candidates
            int j = target[k1];
            price[j] += (double.IsPositiveInfinity(w2) ? _maxCost : w2 - w1) + eps;
            int previous = owner[j];
            owner[j] = i;
            held[i] = arc[k1];
            if (previous >= 0)
            {
                held[previous] = -1;
                Push(previous);
            }
            if (++Bids - start > budget || Bids > _bidLimit) return false;
        }
        return true;
    }

    /// <summary>
    /// Asks for source i's candidate list ahead of its bid: the next bidder is known one bid ahead (the queue's head), and
    /// its list is a random place in arrays far larger than the caches, whose misses otherwise dominate a bid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void Prefetch(int i)
    {
        if (!Sse.IsSupported) return;
        int k0 = _rowFirst[i], k1 = _rowFirst[i + 1];
        if (k0 >= k1) return;
        // A hint only: should the collector move an array in between, the prefetch touches a stale line, never faults.
        ref double cost = ref _rowCost[k0];
        ref int target = ref _rowTarget[k0];
        for (int k = 0; k < k1 - k0; k += 8) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref cost, k)));
        for (int k = 0; k < k1 - k0; k += 16) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref target, k)));
    }

    /// <summary>
    /// The start tree: the arc numbers of the permutation's arcs and of the joining arcs, and the roots of its components
    /// (from the pair of the smallest unvisited source: near-tight arcs breadth first, then Prim's rule on r).
    /// </summary>
    public (List<int> Forest, List<int> Roots) Tree()
    {
        int n = _n, count = _arcs.Count;
        var colFirst = new int[n + 1];
        for (int e = 0; e < count; e++) colFirst[_arcs.Target(e) + 1]++;
        for (int j = 0; j < n; j++) colFirst[j + 1] += colFirst[j];
        var fill = (int[])colFirst.Clone();
        var colArc = new int[count];
        for (int e = 0; e < count; e++) colArc[fill[_arcs.Target(e)]++] = e;

        var value = new double[n]; // c(i, σ(i)) + p_σ(i)
        var forest = new List<int>(2 * n);
        for (int i = 0; i < n; i++)
        {
            value[i] = _arcs.Cost(_held[i]) + _price[_arcs.Target(_held[i])];
            forest.Add(_held[i]);
        }
        // Near-tight arcs (r ≤ 2ε) first, breadth first (shallow trees make cheap pivots: a pivot walks the cycle and moves
        // a subtree), then the arc of least r.
        var visited = new bool[n];
        var depth = new int[n];
        var roots = new List<int>();
        var heap = new PriorityQueue<int, (int Level, double Key)>();
        double tight = 2 * Epsilon;
        void Open(int pair)
        {
            int j = _arcs.Target(_held[pair]);
            for (int k = colFirst[j]; k < colFirst[j + 1]; k++)
            {
                int e = colArc[k], i = _arcs.Source(e);
                if (visited[i]) continue;
                double r = _arcs.Cost(e) + _price[j] - value[i];
                heap.Enqueue(e, r <= tight ? (0, depth[pair]) : (1, r));
            }
        }
        for (int r = 0; r < n; r++)
        {
            if (visited[r]) continue;
            visited[r] = true;
            roots.Add(r);
            Open(r);
            while (heap.TryDequeue(out int e, out _))
            {
                int i = _arcs.Source(e);
                if (visited[i]) continue;
                visited[i] = true;
                depth[i] = depth[_owner[_arcs.Target(e)]] + 1;
                forest.Add(e);
                Open(i);
            }
        }
        return (forest, roots);
    }
}
