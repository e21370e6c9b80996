namespace Npa.Trainer.Tests.Models;

/// <summary>Reads the key/shape lists that scripts/reference/state_dict_keys.py wrote from torchvision.</summary>
internal static class TorchvisionReference
{
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Reference", fileName);

    public static IReadOnlyList<(string Key, long[] Shape)> Keys(string model)
    {
        var lines = File.ReadAllLines(PathOf($"{model}.keys.tsv"));
        return [.. lines.Where(l => !l.StartsWith('#') && l.Length > 0).Select(Parse)];
    }

    public static long ParameterCount(string model)
    {
        var header = File.ReadLines(PathOf($"{model}.keys.tsv")).First();
        return long.Parse(header[(header.IndexOf("parameters=", StringComparison.Ordinal) + "parameters=".Length)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Format(long[] shape) => string.Join(",", shape);

    private static (string, long[]) Parse(string line)
    {
        var parts = line.Split('\t');
        var shape = parts[1].Length == 0 ? [] : parts[1].Split(',').Select(long.Parse).ToArray();
        return (parts[0], shape);
    }
}
