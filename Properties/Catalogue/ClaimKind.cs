namespace Verify.Properties.Catalogue;

/// <summary>How a claim is checked, which decides what its tolerance means.</summary>
public enum ClaimKind
{
    /// <summary>A theorem checked on exact values (exact transport, closed forms, quadrature to a stated accuracy): the
    /// tolerance covers floating-point rounding only.</summary>
    Exact,

    /// <summary>A statement about random samples: the check holds with probability at least 1 − δ when the claim is true,
    /// within a stated ε.</summary>
    Statistical,

    /// <summary>A statement about trained networks (small nets, fixed seeds): the tolerance covers the optimiser's distance
    /// from the optimum and sampling, and is stated with its reason.</summary>
    TrainedNetwork,
}

/// <summary>Text forms of <see cref="ClaimKind"/>.</summary>
public static class ClaimKinds
{
    /// <summary>"exact", "statistical" or "trained-network" (the JSON and table spelling).</summary>
    public static string Name(this ClaimKind kind) => kind switch
    {
        ClaimKind.Exact => "exact",
        ClaimKind.Statistical => "statistical",
        ClaimKind.TrainedNetwork => "trained-network",
        _ => throw new ArgumentException($"unknown claim kind {(int)kind}", nameof(kind)),
    };
}
