using System.CommandLine;
using Xunit;

namespace Verify.Figures.Tests;

public sealed class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    [Fact]
    public void UnknownCommandIsOneLineWithExitCode2()
    {
        var (code, _, err) = Run("no-such-command");
        Assert.Equal(Cli.BadInput, code);
        Assert.StartsWith("verify: error: ", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void HelpListsTheProgramAndExitsZero()
    {
        var (code, output, err) = Run("--help");
        Assert.Equal(Cli.Ok, code);
        Assert.Contains("verify", output);
        Assert.Equal("", err);
    }

    [Fact]
    public void LibraryArgumentErrorsAreOneLineWithoutTheParameterSuffix()
    {
        // Toys throws ArgumentException(…, paramName: "name") for an unknown family; the CLI line keeps the message only.
        var (code, _, err) = Run("train", "no-such-family", "--method", "gan", "--out", Path.Combine(Path.GetTempPath(), "verify-unused"));
        Assert.Equal(Cli.BadInput, code);
        Assert.StartsWith("verify: error: ", err);
        Assert.Contains("no-such-family", err);
        Assert.DoesNotContain("(Parameter", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void DescribeStripsOnlyTheParameterSuffixAndExtraLines()
    {
        Assert.Equal("n must be positive", Cli.Describe(new ArgumentException("n must be positive", "n")));
        Assert.Equal("first line", Cli.Describe(new InvalidOperationException("first line\nsecond line")));
    }

    private static IEnumerable<(Command Command, string Path)> Commands(Command c, string path = "")
    {
        foreach (Command sub in c.Subcommands)
        {
            string p = (path + " " + sub.Name).Trim();
            yield return (sub, p);
            foreach (var x in Commands(sub, p)) yield return x;
        }
    }

    [Theory]
    [InlineData("distnce", "'distnce' is not a command; did you mean 'distance'?")]
    [InlineData("smaple", "'smaple' is not a command; did you mean 'sample'?")]
    [InlineData("crit", "'crit' is not a command; did you mean 'critic'?")]
    public void AMistypedCommandSaysWhatWasMeant(string word, string expected)
    {
        var (code, output, err) = Run(word);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal($"verify: error: {expected}", err.TrimEnd());
    }

    [Theory]
    [InlineData("unknown option '--metrc'; did you mean '--metric'?", "distance", "--metrc", "w1", "a.csv", "b.csv")]
    [InlineData("unknown option '--sed'; did you mean '--seed'?", "sample", "parallel-lines", "--sed", "3", "--out", "x.csv")]
    [InlineData("unknown option '--jsn'; did you mean '--json'?", "sample", "parallel-lines", "--out", "x.csv", "--jsn")]
    public void AMistypedOptionSaysWhatWasMeant(string expected, params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal($"verify: error: {expected}", err.TrimEnd());
    }

    // The registered commands, in order, as the error lines list them.
    private static string CommandList() =>
        string.Join(", ", Cli.Build(TextWriter.Null, TextWriter.Null).Subcommands.Select(c => c.Name));

    [Fact]
    public void AWordFarFromEveryCommandListsTheCommands()
    {
        var (code, output, err) = Run("frobnicate");
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Contains("distance, sample, critic, train", CommandList());
        Assert.Equal($"verify: error: 'frobnicate' is not a command; commands: {CommandList()}", err.TrimEnd());
    }

    [Fact]
    public void NoCommandListsTheCommands()
    {
        var (code, _, err) = Run();
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal($"verify: error: no command given; commands: {CommandList()} (see 'verify --help')", err.TrimEnd());
    }

    [Fact]
    public void EveryTypedOptionOfEveryCommandNamesItselfNotADotNetType()
    {
        // `--n 1.5` said "Cannot parse argument '1.5' for option '--n' as expected type 'System.Int32'".
        Type[] integers = [typeof(int), typeof(int?), typeof(long), typeof(long?)], reals = [typeof(double), typeof(double?)];
        int checkedOptions = 0;
        foreach (var (command, path) in Commands(Cli.Build(TextWriter.Null, TextWriter.Null)))
            foreach (Option o in command.Options.Where(o => integers.Contains(o.ValueType) || reals.Contains(o.ValueType)))
            {
                string kind = integers.Contains(o.ValueType) ? "an integer" : "a number";
                var (code, output, err) = Run([.. path.Split(' '), o.Name, "1.5x"]);
                Assert.Equal(Cli.BadInput, code);
                Assert.Equal("", output);
                Assert.Equal($"verify: error: {o.Name}: '1.5x' is not {kind}", err.TrimEnd());
                checkedOptions++;
            }
        Assert.True(checkedOptions >= 10, $"only {checkedOptions} typed options found");
        var (_, _, tooBig) = Run("sample", "parallel-lines", "--n", "99999999999", "--out", "x.csv");
        Assert.Equal("verify: error: --n: '99999999999' is out of range (-2147483648 to 2147483647)", tooBig.TrimEnd());
        var (_, _, half) = Run("sample", "parallel-lines", "--n", "1.5", "--out", "x.csv");
        Assert.Equal("verify: error: --n: '1.5' is not an integer", half.TrimEnd());
    }

    [Fact]
    public void TheDefaultSeedIsTheSameForEveryCommand()
    {
        var seeds = Commands(Cli.Build(TextWriter.Null, TextWriter.Null))
            .SelectMany(c => c.Command.Options.OfType<Option<long>>().Where(o => o.Name == "--seed").Select(o => (c.Path, Seed: o.DefaultValueFactory!(null!))))
            .ToArray();
        Assert.Contains(seeds, s => s.Path == "sample");
        Assert.Contains(seeds, s => s.Path == "critic");
        Assert.Contains(seeds, s => s.Path == "train");
        Assert.All(seeds, s => Assert.True(s.Seed == Cli.DefaultSeed, $"{s.Path}: --seed defaults to {s.Seed}, not {Cli.DefaultSeed}"));
    }

    [Fact]
    public void ChoicesIgnoreCaseAndSuggest()
    {
        var o = Cli.Choice("--metric", "which", ["w1", "hellinger"], "w1");
        var cmd = new RootCommand { o };
        Assert.Equal("hellinger", cmd.Parse(["--metric", "HELLINGER"]).GetValue(o));
        Assert.Equal("w1", cmd.Parse([]).GetValue(o));
        ParseResult bad = cmd.Parse(["--metric", "helinger"]);
        Assert.Equal("--metric: 'helinger' is not allowed; did you mean 'hellinger'? allowed: w1, hellinger", bad.Errors.Single().Message);
        Assert.Equal("Swissroll", Cli.MatchName(" swissROLL ", ["8gaussians", "Swissroll"]));
        Assert.Null(Cli.MatchName("swiss", ["Swissroll"]));
    }

    [Fact]
    public void EditDistanceCountsSwapsAsOneEdit()
    {
        Assert.Equal(1, CliValues.EditDistance("distnce", "distance"));
        Assert.Equal(1, CliValues.EditDistance("smaple", "sample"));
        Assert.Equal(0, CliValues.EditDistance("", ""));
        Assert.Equal(3, CliValues.EditDistance("abc", ""));
        Assert.Null(CliValues.Nearest("xyz", ["distance", "sample"]));
    }
}
