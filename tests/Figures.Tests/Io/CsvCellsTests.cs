using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verify.Figures.Io;
using Verify.TestSupport;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class CsvCellsTests
{
    [Fact]
    public void CellsParseToTheSameDoubleAsDotNet()
    {
        // csFastFloat against double.Parse (invariant culture, NumberStyles.Float), an independent implementation:
        // the same accept/reject decision and the same bits, on numbers in every notation and on near-numbers.
        Gen<string> digits = Gen.Elements("0", "1", "7", "9", "12", "000", "4503599627370497", "17976931348623157").ListOf(3).SelectMany(d => Gen.Choose(1, 3).Select(k => string.Concat(d.Take(k))));
        Gen<string> number =
            from sign in Gen.Elements("", "-", "+")
            from whole in digits
            from frac in Gen.OneOf(Gen.Constant(""), digits.Select(d => "." + d), Gen.Constant("."))
            from exp in Gen.OneOf(Gen.Constant(""), Gen.Choose(-330, 330).Select(e => "e" + e.ToString(CultureInfo.InvariantCulture)),
                Gen.Choose(0, 20).Select(e => "E+" + e.ToString(CultureInfo.InvariantCulture)))
            select sign + whole + frac + exp;
        Gen<string> noise = Gen.Elements("1e", "e5", "--1", "+-1", "1..2", ".", "-", "1.5.", "1e+", "0x1A", "1_000", "١", "1,5", "five", " 2 ", "\t3",
            "Infinity", "-Infinity", "NaN", "inf", "1e400", "-1e-400");
        Gen<string> bits = ArbMap.Default.GeneratorFor<long>().Select(l => BitConverter.Int64BitsToDouble(l))
            .Where(double.IsFinite).SelectMany(v => Gen.Elements(v.ToString("R", CultureInfo.InvariantCulture), v.ToString("E16", CultureInfo.InvariantCulture)));
        // A cell is usable when it parses to a finite double; ±∞ and NaN (however spelled) are refused either way.
        PropertyCheck.Run(Prop.ForAll(Gen.OneOf(number, noise, bits).ToArbitrary(), s =>
        {
            bool dotnet = double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double expected) && double.IsFinite(expected);
            bool ours = CsvCells.TryParse(s, out double actual) && double.IsFinite(actual);
            return (ours == dotnet && (!ours || BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected)))
                .Label($"'{s}': double.TryParse {dotnet} {expected:R}, csFastFloat {ours} {actual:R}");
        }), maxTest: 2000);
    }

    [Theory]
    [InlineData("a,b,c", CsvDelimiter.Comma, new[] { "a", "b", "c" })]
    [InlineData(" a , \"b,c\" ,d ", CsvDelimiter.Comma, new[] { "a", "b,c", "d" })]
    [InlineData("\"say \"\"hi\"\"\",x", CsvDelimiter.Comma, new[] { "say \"hi\"", "x" })]
    [InlineData("a,,c", CsvDelimiter.Comma, new[] { "a", "", "c" })]
    [InlineData("a\t\tc", CsvDelimiter.Tab, new[] { "a", "", "c" })]
    [InlineData("  1.5   2 \t3  ", CsvDelimiter.Whitespace, new[] { "1.5", "2", "3" })]
    [InlineData("\"a\"b,c", CsvDelimiter.Comma, new[] { "ab", "c" })]
    public void SplitFollowsRfc4180(string line, CsvDelimiter delimiter, string[] cells) =>
        Assert.Equal(cells, CsvCells.Split(line, delimiter));

    [Fact]
    public void AnUnclosedQuoteIsNoSplitAndTheDelimiterComesFromTheHeader()
    {
        Assert.Null(CsvCells.Split("a,\"b", CsvDelimiter.Comma));
        Assert.Equal(CsvDelimiter.Comma, CsvCells.Detect("x,y"));
        Assert.Equal(CsvDelimiter.Tab, CsvCells.Detect("x\ty"));
        Assert.Equal(CsvDelimiter.Whitespace, CsvCells.Detect(" x  y "));
        Assert.Equal(CsvDelimiter.Comma, CsvCells.Detect("x"));
    }
}
