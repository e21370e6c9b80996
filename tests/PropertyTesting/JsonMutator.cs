using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Npa.PropertyTesting;

/// <summary>
/// Generates documents near a valid JSON one: a few edits of its tree (a value swapped for a hostile one, a key added,
/// removed or misspelt), sometimes followed by a textual cut or stray character. Near-valid inputs reach the
/// validators, where random text would stop at the tokenizer.
/// </summary>
internal static class JsonMutator
{
    private static readonly string[] HostileValues =
    [
        "null", "true", "false", "0", "-1", "1.5", "-0.0", "2147483648", "-2147483649", "9223372036854775808", "1e308",
        "-1e308", "1e-320", "\"\"", "\" \"", "\"x\"", "\"NaN\"", "\"Infinity\"", "\"-1\"", "\"99:99:99\"", "\"-00:00:01\"",
        "\"\\u0000\"", "\"../../etc/passwd\"", "\"=HYPERLINK(1)\"", "[]", "{}", "[null]", "[[]]", "{\"a\":1}",
        "[1,2,3]", "\"" + new string('a', 5000) + "\"", "\"0.0.0.0\"", "\"256.1.1.1\"", "\"Embedded\"", "\"Simulated\"",
    ];

    private static readonly string StrayCharacters = "{}[],:\"\\ \n\t0-e.";

    /// <summary>Documents derived from <paramref name="validJson"/> by one to four edits.</summary>
    public static Gen<string> Near(string validJson)
    {
        ArgumentNullException.ThrowIfNull(validJson);
        var root = JsonNode.Parse(validJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            ?? throw new ArgumentException("the seed document is null", nameof(validJson));
        string seed = root.ToJsonString();
        return Gen.Select(Gen.Int.Array[1, 4], Gen.Int[0, 99], Gen.Int, (edits, textChance, textSeed) =>
        {
            var doc = JsonNode.Parse(seed)!;
            foreach (int edit in edits) doc = Edit(doc, new Random(edit));
            string text = doc.ToJsonString();
            return textChance < 15 ? EditText(text, new Random(textSeed)) : text;
        });
    }

    /// <summary>Every property name in the document (what a refusal should name).</summary>
    public static IReadOnlySet<string> PropertyNames(string json)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Collect(root, names);
        return names;
    }

    /// <summary>The original's names and those of <paramref name="json"/> (a misspelt key is named by its new spelling).</summary>
    public static IReadOnlySet<string> PropertyNames(IReadOnlySet<string> original, string json)
    {
        ArgumentNullException.ThrowIfNull(original);
        try
        {
            var names = new HashSet<string>(PropertyNames(json), StringComparer.OrdinalIgnoreCase);
            names.UnionWith(original);
            return names;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return original;
        }
    }

    private static void Collect(JsonNode? node, HashSet<string> names)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    names.Add(k);
                    Collect(v, names);
                }
                break;
            case JsonArray a:
                foreach (var v in a) Collect(v, names);
                break;
        }
    }

    private static JsonNode Edit(JsonNode root, Random random)
    {
        var nodes = new List<JsonNode>();
        Walk(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var hostile = JsonNode.Parse(HostileValues[random.Next(HostileValues.Length)]);
        switch (random.Next(5))
        {
            case 0 or 1:
                if (target == root) return hostile ?? JsonValue.Create(0)!;
                Replace(target, hostile);
                break;
            case 2:
                if (target is JsonObject add) add["unexpected" + random.Next(100).ToString(CultureInfo.InvariantCulture)] = hostile;
                else if (target is JsonArray grow) grow.Add(hostile);
                break;
            case 3:
                if (target.Parent is JsonObject owner) owner.Remove(target.GetPropertyName());
                else if (target.Parent is JsonArray list) list.Remove(target);
                break;
            default:
                if (target.Parent is JsonObject parent)
                {
                    string name = target.GetPropertyName();
                    parent.Remove(name);
                    parent[name.Length > 1 ? name[..^1] : name + "x"] = target;
                }
                break;
        }
        return root;
    }

    private static void Replace(JsonNode target, JsonNode? with)
    {
        switch (target.Parent)
        {
            case JsonObject o:
                o[target.GetPropertyName()] = with;
                break;
            case JsonArray a:
                a[target.GetElementIndex()] = with;
                break;
        }
    }

    private static void Walk(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null) return;
        nodes.Add(node);
        if (node is JsonObject o) foreach (var (_, v) in o) Walk(v, nodes);
        else if (node is JsonArray a) foreach (var v in a) Walk(v, nodes);
    }

    private static string EditText(string text, Random random)
    {
        int at = random.Next(text.Length + 1);
        int quote = text.IndexOf('"', at);
        return random.Next(4) switch
        {
            0 => text[..at],
            1 => text.Insert(at, StrayCharacters[random.Next(StrayCharacters.Length)].ToString()),
            // A lone surrogate escape: valid JSON syntax that no UTF-16 string can hold.
            2 when quote >= 0 => text.Insert(quote + 1, "\\ud800"),
            _ => at < text.Length ? text.Remove(at, 1) : text + "}",
        };
    }
}
