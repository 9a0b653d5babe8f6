namespace Verify.Properties.Catalogue;

/// <summary>How a measured value must relate to the expected one.</summary>
public enum Relation
{
    /// <summary>|measured − expected| ≤ tolerance (infinities must be equal).</summary>
    Equal,

    /// <summary>measured ≤ expected + tolerance.</summary>
    AtMost,

    /// <summary>measured ≥ expected − tolerance.</summary>
    AtLeast,
}

/// <summary>Text forms of <see cref="Relation"/>.</summary>
public static class Relations
{
    /// <summary>"=", "≤" or "≥".</summary>
    public static string Symbol(this Relation r) => r switch
    {
        Relation.Equal => "=",
        Relation.AtMost => "≤",
        Relation.AtLeast => "≥",
        _ => throw new ArgumentException($"unknown relation {(int)r}", nameof(r)),
    };
}
