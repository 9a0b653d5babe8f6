using System.Globalization;

namespace Verify.Theory;

/// <summary>
/// Checks that a pair of vectors are probability vectors on the same atoms: equal length n ≥ 1, every entry
/// finite and ≥ 0, and each summing to 1 within 1e-9. Nothing is rescaled: a vector of another total mass is
/// refused with a message asking the caller to normalise explicitly.
/// </summary>
internal static class ProbabilityVector
{
    /// <summary>|Σp − 1| allowed for a probability vector: rounding in a sum of many entries, never a real deficit.</summary>
    public const double MassTolerance = 1e-9;

    public static void CheckPair(ReadOnlySpan<double> p, ReadOnlySpan<double> q, string pName = "p", string qName = "q")
    {
        if (p.Length == 0) throw new ArgumentException($"{pName} is empty: a probability vector needs at least one entry", pName);
        if (q.Length == 0) throw new ArgumentException($"{qName} is empty: a probability vector needs at least one entry", qName);
        if (p.Length != q.Length)
            throw new ArgumentException($"{pName} has {p.Length} entries, {qName} has {q.Length}; both must weigh the same atoms", qName);
        UnitMasses(Check(p, pName), Check(q, qName), pName, qName);
    }

    /// <summary>Both total masses must be 1 within <see cref="MassTolerance"/>; otherwise the caller is told to normalise.</summary>
    public static void UnitMasses(double sp, double sq, string pName, string qName)
    {
        bool pOk = Math.Abs(sp - 1) <= MassTolerance, qOk = Math.Abs(sq - 1) <= MassTolerance;
        if (!pOk || !qOk)
        {
            string which = !pOk ? pName : qName;
            throw new ArgumentException(
                $"{pName} has total mass {F(sp)} and {qName} has {F(sq)}: divergences compare probability laws of total mass 1; " +
                "normalise explicitly (Normalized(), or divide by the sum) before comparing", which);
        }
    }

    private static double Check(ReadOnlySpan<double> v, string name)
    {
        double sum = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double x = v[i];
            if (double.IsNaN(x) || double.IsInfinity(x))
                throw new ArgumentException($"{name}[{i}] is {F(x)}; probabilities must be finite", name);
            if (x < 0) throw new ArgumentException($"{name}[{i}] is negative ({F(x)})", name);
            sum += x;
        }
        if (!(sum > 0)) throw new ArgumentException($"{name} has zero total mass", name);
        return sum;
    }

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
