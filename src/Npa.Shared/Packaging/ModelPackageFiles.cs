using System.Security.Cryptography;

namespace Npa.Shared.Packaging;

/// <summary>File names inside a model package and the hash that ties the manifest to its ONNX graph.</summary>
public static class ModelPackageFiles
{
    /// <summary>The ONNX graph.</summary>
    public const string Onnx = "model.onnx";

    /// <summary>The manifest.</summary>
    public const string Manifest = "model.json";

    /// <summary>SHA-256 of a file as 64 lowercase hex digits, the form <see cref="ModelManifest.OnnxSha256"/> takes.</summary>
    public static string ComputeSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>SHA-256 of bytes already in memory (an ONNX graph about to be written or just read), in the same form.</summary>
    public static string ComputeSha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
