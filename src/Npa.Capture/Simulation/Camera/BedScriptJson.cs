using System.Text.Json;
using System.Text.Json.Serialization;

namespace Npa.Capture.Simulation.Camera;

/// <summary>Reads and writes bed scripts as JSON (camelCase, enums as names, TimeSpans as "hh:mm:ss"); unknown keys are rejected.</summary>
public static class BedScriptJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Parses and validates a script; errors name the problem.</summary>
    public static BedScript Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        BedScript? script;
        try
        {
            script = JsonSerializer.Deserialize<BedScript>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"bed script JSON is invalid: {e.Message}", e);
        }
        if (script is null) throw new FormatException("bed script JSON is null");
        script.Validate();
        return script;
    }

    public static BedScript Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"bed script not found: {path}", path);
        return Parse(File.ReadAllText(path));
    }

    public static string Serialize(BedScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return JsonSerializer.Serialize(script, Options);
    }
}
