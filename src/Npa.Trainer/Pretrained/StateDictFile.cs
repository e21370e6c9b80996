using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Npa.Trainer.Pretrained;

/// <summary>Reads and writes torchvision-format state_dicts: PyTorch pickles (.pt/.pth/.bin, via TorchSharp.PyBridge) and .safetensors.</summary>
public static class StateDictFile
{
    private static readonly string[] PickleExtensions = [".pt", ".pth", ".bin"];
    private const string SafetensorsExtension = ".safetensors";

    /// <summary>The extensions <see cref="Read"/> and <see cref="Write"/> accept.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [.. PickleExtensions, SafetensorsExtension];

    /// <summary>Reads every tensor of the file on the CPU; the caller owns (and disposes) them.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a state_dict of tensors.</exception>
    public static Dictionary<string, Tensor> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Weights file '{path}' does not exist.", path);
        var extension = CheckExtension(path);
        try
        {
            return extension == SafetensorsExtension ? Safetensors.LoadStateDict(path) : FromPickle(path);
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"Weights file '{path}' could not be read as a {Describe(extension)} state_dict: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="entries"/> in the format the extension names, in the given order.</summary>
    public static void Write(string path, IEnumerable<(string Key, Tensor Value)> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(entries);
        var extension = CheckExtension(path);
        var ordered = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, value) in entries) ordered.Add(key, value);
        using var stream = File.Create(path);
        if (extension == SafetensorsExtension) Safetensors.SaveStateDict(stream, ordered, leaveOpen: true);
        else PyTorchPickler.PickleStateDict(stream, ordered, leaveOpen: true);
    }

    private static string CheckExtension(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            throw new ArgumentException($"Weights file '{path}' has extension '{extension}'; supported: {string.Join(", ", Extensions)}.", nameof(path));
        return extension;
    }

    private static Dictionary<string, Tensor> FromPickle(string path)
    {
        var table = PyTorchUnpickler.UnpickleStateDict(path);
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Value is not Tensor tensor)
            {
                foreach (var t in result.Values) t.Dispose();
                throw new InvalidDataException(
                    $"Weights file '{path}' holds a {entry.Value?.GetType().Name ?? "null"} at '{entry.Key}', not a tensor; save model.state_dict(), not the model.");
            }

            result.Add((string)entry.Key, tensor);
        }

        return result;
    }

    private static string Describe(string extension) => extension == SafetensorsExtension ? "safetensors" : "PyTorch pickle";
}
