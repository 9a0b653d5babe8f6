using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Verify.Figures;

/// <summary>
/// The parts of the CLI contract that apply to every command's options at once: typed values parsed in the invariant
/// culture with errors that name the option and the kind of value expected, and "did you mean …?" for a mistyped
/// command or option.
/// </summary>
internal static class CliValues
{
    /// <summary>
    /// Gives every integer and floating-point option (and argument) of the tree that has no parser of its own one that
    /// reports <c>--n: '1.5' is not an integer</c> instead of System.CommandLine's "as expected type 'System.Int32'".
    /// </summary>
    public static void AttachParsers(Command command)
    {
        foreach (Option o in command.Options) Attach(o);
        foreach (Argument a in command.Arguments) Attach(a);
        foreach (Command c in command.Subcommands) AttachParsers(c);
    }

    private static void Attach(Symbol symbol)
    {
        switch (symbol)
        {
            case Option<int> o when o.CustomParser is null: o.CustomParser = r => Integer(r, o.Name, int.MinValue, int.MaxValue, "an integer") is { } v ? (int)v : 0; break;
            case Option<int?> o when o.CustomParser is null: o.CustomParser = r => Integer(r, o.Name, int.MinValue, int.MaxValue, "an integer") is { } v ? (int)v : null; break;
            case Option<long> o when o.CustomParser is null: o.CustomParser = r => Integer(r, o.Name, long.MinValue, long.MaxValue, "an integer") ?? 0; break;
            case Option<long?> o when o.CustomParser is null: o.CustomParser = r => Integer(r, o.Name, long.MinValue, long.MaxValue, "an integer"); break;
            case Option<double> o when o.CustomParser is null: o.CustomParser = r => Real(r, o.Name) ?? 0; break;
            case Option<double?> o when o.CustomParser is null: o.CustomParser = r => Real(r, o.Name); break;
            case Argument<int> a when a.CustomParser is null: a.CustomParser = r => Integer(r, a.Name, int.MinValue, int.MaxValue, "an integer") is { } v ? (int)v : 0; break;
            case Argument<long> a when a.CustomParser is null: a.CustomParser = r => Integer(r, a.Name, long.MinValue, long.MaxValue, "an integer") ?? 0; break;
            case Argument<double> a when a.CustomParser is null: a.CustomParser = r => Real(r, a.Name) ?? 0; break;
        }
    }

    private static string? Token(ArgumentResult r, string name)
    {
        if (r.Tokens.Count == 1) return r.Tokens[0].Value;
        r.AddError(r.Tokens.Count == 0 ? $"{name}: a value is required" : $"{name}: give one value, got {r.Tokens.Count}");
        return null;
    }

    private static long? Integer(ArgumentResult r, string name, long min, long max, string kind)
    {
        if (Token(r, name) is not { } text) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out long v) && v >= min && v <= max)
            return v;
        bool integral = text.Trim().TrimStart('-', '+').Length > 0 && text.Trim().TrimStart('-', '+').All(char.IsAsciiDigit);
        r.AddError(integral
            ? $"{name}: '{text}' is out of range ({min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)})"
            : $"{name}: '{text}' is not {kind}");
        return null;
    }

    private static double? Real(ArgumentResult r, string name)
    {
        if (Token(r, name) is not { } text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
        r.AddError($"{name}: '{text}' is not a number");
        return null;
    }

    /// <summary>
    /// One line for a parse that failed. A word the parser did not match is a mistyped command (at the root) or option,
    /// reported with the nearest name; otherwise the first of System.CommandLine's errors.
    /// </summary>
    public static string DescribeParseError(ParseResult parsed)
    {
        Command command = parsed.CommandResult.Command;
        // An error raised on a value that was given (a bad number, a name not allowed) comes before "X is required".
        ParseError? own = parsed.Errors.FirstOrDefault(e => e.SymbolResult is OptionResult { Tokens.Count: > 0 } or ArgumentResult { Tokens.Count: > 0 })
                          ?? parsed.Errors.FirstOrDefault(e => e.SymbolResult is OptionResult or ArgumentResult);
        string? word = MistypedOption(parsed) ?? (parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : null);
        if (word is not null)
        {
            if (word.StartsWith('-') && word.Length > 1)
            {
                string[] options = command.Options.Concat(Ancestors(parsed.CommandResult).SelectMany(c => c.Options.Where(o => o.Recursive)))
                    .SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToArray();
                string hint = Nearest(word, options) is { } near ? $"; did you mean '{near}'?" : $"; see 'verify {Path(command)}--help'";
                return $"unknown option '{word}'{hint}";
            }
            if (command.Subcommands.Count > 0)
            {
                string[] names = command.Subcommands.Select(c => c.Name).ToArray();
                string hint = Nearest(word, names) is { } near ? $"did you mean '{near}'?" : $"commands: {string.Join(", ", names)}";
                return $"'{word}' is not a command; {hint}";
            }
            if (own is null) return $"unexpected argument '{word}' (see 'verify {Path(command)}--help')";
        }
        if (own is not null) return own.Message;
        if (command.Subcommands.Count > 0 && parsed.Errors.Count > 0 && !parsed.CommandResult.Children.Any())
            return $"no command given; commands: {string.Join(", ", command.Subcommands.Select(c => c.Name))} (see 'verify --help')";
        return parsed.Errors[0].Message;
    }

    /// <summary>
    /// A word spelled like an option ("--metrc") that the parser took as an argument value because no option has that
    /// name; null when there is none. Values never start with "--" (a negative number has one dash).
    /// </summary>
    public static string? MistypedOption(ParseResult parsed) =>
        parsed.Tokens.FirstOrDefault(t => t.Type == TokenType.Argument && t.Value.Length > 2 && t.Value.StartsWith("--", StringComparison.Ordinal))?.Value;

    private static IEnumerable<Command> Ancestors(CommandResult result)
    {
        for (SymbolResult? r = result.Parent; r is not null; r = r.Parent)
            if (r is CommandResult c) yield return c.Command;
    }

    private static string Path(Command command) => command is RootCommand ? "" : command.Name + " ";

    /// <summary>
    /// The name nearest to <paramref name="word"/> (ignoring case): the only one it is a prefix of, or the closest within
    /// an edit distance of max(1, length/3) (insertions, deletions, substitutions, adjacent swaps); null when none is near.
    /// </summary>
    public static string? Nearest(string word, IEnumerable<string> names)
    {
        string w = word.Trim().ToLowerInvariant();
        if (w.Length == 0) return null;
        string[] all = names.ToArray();
        string[] prefixed = all.Where(n => n.ToLowerInvariant().StartsWith(w, StringComparison.Ordinal) && w.TrimStart('-').Length >= 2).ToArray();
        if (prefixed.Length == 1) return prefixed[0];
        int limit = Math.Max(1, w.TrimStart('-').Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string n in all)
        {
            int d = EditDistance(w, n.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (n, d);
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions cost 1.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
