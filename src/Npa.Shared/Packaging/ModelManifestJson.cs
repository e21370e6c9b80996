using System.Text;
using System.Text.Json;

namespace Npa.Shared.Packaging;

/// <summary>Reads and writes <c>model.json</c>; both directions validate, so an invalid manifest never passes.</summary>
public static class ModelManifestJson
{
    /// <summary>The manifest as JSON text (validated first).</summary>
    public static string Serialize(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        manifest.ThrowIfInvalid();
        return JsonSerializer.Serialize(manifest, ModelManifestJsonContext.Default.ModelManifest);
    }

    /// <summary>Parses and validates JSON text; <paramref name="source"/> names it in error messages.</summary>
    public static ModelManifest Deserialize(string json, string source = "model.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(json, ModelManifestJsonContext.Default.ModelManifest);
        }
        catch (JsonException ex)
        {
            string where = ex.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw new ModelManifestException($"{source}{where}: {ex.Message}", ex);
        }
        if (manifest is null) throw new ModelManifestException($"{source}: the document is null");
        var errors = manifest.Validate();
        if (errors.Count > 0) throw new ModelManifestException($"{source}: " + string.Join("; ", errors));
        return manifest;
    }

    /// <summary>Reads and validates a <c>model.json</c> file.</summary>
    public static ModelManifest Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new ModelManifestException($"{full}: manifest file not found");
        return Deserialize(File.ReadAllText(full, Encoding.UTF8), full);
    }

    /// <summary>Validates and writes a <c>model.json</c> file atomically (temporary file, then rename).</summary>
    public static void Write(string path, ModelManifest manifest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json = Serialize(manifest);
        string full = Path.GetFullPath(path);
        string temp = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, json + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
