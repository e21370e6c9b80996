using System.IO.Compression;
using System.Text;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Inference;

/// <summary>A model package read into memory (folder or .zip): the validated manifest and the ONNX bytes its hash names.</summary>
public sealed class ModelPackage
{
    private ModelPackage(string source, ModelManifest manifest, byte[] onnx)
    {
        Source = source;
        Manifest = manifest;
        Onnx = onnx;
    }

    /// <summary>Full path of the folder or .zip it came from.</summary>
    public string Source { get; }

    public ModelManifest Manifest { get; }

    /// <summary>Contents of model.onnx (their SHA-256 equals the manifest's onnx_sha256).</summary>
    public ReadOnlyMemory<byte> Onnx { get; }

    /// <summary>Manifest id plus the first 8 hex digits of the ONNX hash, e.g. <c>demo-1@3fa2c1d0</c>.</summary>
    public string ModelId => $"{Manifest.ModelId}@{Manifest.OnnxSha256[..8]}";

    /// <summary>Reads a package folder or .zip; refuses with <see cref="ModelPackageException"/> on any missing file, bad manifest or hash mismatch.</summary>
    public static ModelPackage Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        var (json, onnx) = Directory.Exists(full) ? ReadFolder(full)
            : File.Exists(full) ? ReadZip(full)
            : throw new ModelPackageException($"model package {full}: no such folder or .zip file");

        ModelManifest manifest;
        try
        {
            manifest = ModelManifestJson.Deserialize(json, $"{full}: {ModelPackageFiles.Manifest}");
        }
        catch (ModelManifestException ex)
        {
            throw new ModelPackageException($"model package refused: {ex.Message}", ex);
        }
        string actual = ModelPackageFiles.ComputeSha256(onnx);
        if (!string.Equals(actual, manifest.OnnxSha256, StringComparison.Ordinal))
            throw new ModelPackageException($"model package {full} refused: {ModelPackageFiles.Onnx} has sha256 {actual}, but {ModelPackageFiles.Manifest} says {manifest.OnnxSha256} (file changed or corrupt)");
        return new ModelPackage(full, manifest, onnx);
    }

    private static (string Json, byte[] Onnx) ReadFolder(string dir)
    {
        string manifest = Path.Combine(dir, ModelPackageFiles.Manifest), onnx = Path.Combine(dir, ModelPackageFiles.Onnx);
        if (!File.Exists(manifest)) throw new ModelPackageException($"model package {dir} refused: {ModelPackageFiles.Manifest} is missing");
        if (!File.Exists(onnx)) throw new ModelPackageException($"model package {dir} refused: {ModelPackageFiles.Onnx} is missing");
        return (File.ReadAllText(manifest, Encoding.UTF8), File.ReadAllBytes(onnx));
    }

    private static (string Json, byte[] Onnx) ReadZip(string file)
    {
        try
        {
            using var zip = ZipFile.OpenRead(file);
            // Entries may sit at the root or inside one top folder (what zipping a folder gives).
            ZipArchiveEntry? Find(string name) => zip.Entries.FirstOrDefault(e => e.FullName == name)
                ?? zip.Entries.FirstOrDefault(e => e.Name == name && e.FullName.Count(c => c == '/') == 1);
            var manifest = Find(ModelPackageFiles.Manifest) ?? throw new ModelPackageException($"model package {file} refused: the zip has no {ModelPackageFiles.Manifest}");
            var onnx = Find(ModelPackageFiles.Onnx) ?? throw new ModelPackageException($"model package {file} refused: the zip has no {ModelPackageFiles.Onnx}");
            using var reader = new StreamReader(manifest.Open(), Encoding.UTF8);
            string json = reader.ReadToEnd();
            using var stream = onnx.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return (json, buffer.ToArray());
        }
        catch (InvalidDataException ex)
        {
            throw new ModelPackageException($"model package {file} refused: not a folder and not a readable .zip ({ex.Message})", ex);
        }
    }
}
