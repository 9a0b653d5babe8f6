using System.Text.Json;
using Verify.Figures.Io;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class JsonOutTests
{
    [Fact]
    public void WritesOneObjectWithInfinityAsAString()
    {
        using var j = new JsonOut();
        j.Begin().Number("a", 1.5).Number("inf", double.PositiveInfinity).Number("minf", double.NegativeInfinity)
            .Number("n", 7L).String("s", "x").Bool("b", true)
            .Begin("inner").Number("z", 0.1).End()
            .BeginArray("arr").Element(1).Element(double.PositiveInfinity).EndArray()
            .End();
        using var doc = JsonDocument.Parse(j.ToString());
        JsonElement r = doc.RootElement;
        Assert.Equal(1.5, r.GetProperty("a").GetDouble());
        Assert.Equal("Infinity", r.GetProperty("inf").GetString());
        Assert.Equal("-Infinity", r.GetProperty("minf").GetString());
        Assert.Equal(7, r.GetProperty("n").GetInt64());
        Assert.Equal("x", r.GetProperty("s").GetString());
        Assert.True(r.GetProperty("b").GetBoolean());
        Assert.Equal(0.1, r.GetProperty("inner").GetProperty("z").GetDouble());
        Assert.Equal("Infinity", r.GetProperty("arr")[1].GetString());
    }

    [Fact]
    public void DoublesRoundTripExactly()
    {
        double x = 0.7369655941662062, y = Math.PI / 3;
        using var j = new JsonOut();
        j.Begin().Number("x", x).Number("y", y).End();
        using var doc = JsonDocument.Parse(j.ToString());
        Assert.Equal(x, doc.RootElement.GetProperty("x").GetDouble());
        Assert.Equal(y, doc.RootElement.GetProperty("y").GetDouble());
    }

    [Fact]
    public void NaNIsNeverPrinted()
    {
        using var j = new JsonOut();
        j.Begin();
        Assert.Contains("'w1' is NaN", Assert.Throws<InvalidOperationException>(() => j.Number("w1", double.NaN)).Message);
        Assert.Throws<InvalidOperationException>(() => j.Element(double.NaN));
    }
}
