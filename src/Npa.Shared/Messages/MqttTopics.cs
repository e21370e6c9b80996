namespace Npa.Shared.Messages;

/// <summary>Builds and parses NpaMonitor's MQTT topic names under a configurable prefix (default <c>npa</c>).</summary>
public sealed class MqttTopics
{
    /// <summary>The default prefix.</summary>
    public const string DefaultPrefix = "npa";

    /// <summary>Topics under <paramref name="prefix"/>, which may have several levels (<c>site1/npa</c>) but no wildcards.</summary>
    public MqttTopics(string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0 || prefix.Split('/').Any(level => level.Length == 0))
            throw new ArgumentException($"MQTT prefix '{prefix}' must be non-empty and have no empty levels (no leading, trailing or double '/')", nameof(prefix));
        if (prefix.IndexOfAny(['+', '#', '\0']) >= 0)
            throw new ArgumentException($"MQTT prefix '{prefix}' must not contain '+', '#' or NUL", nameof(prefix));
        Prefix = prefix;
    }

    /// <summary>The prefix.</summary>
    public string Prefix { get; }

    /// <summary><c>{prefix}/monitors/{instance}/available</c>: online / offline (Last Will) / stopped, retained.</summary>
    public string Available(string instanceId) => Monitor(instanceId, MonitorTopicKind.Available);

    /// <summary><c>{prefix}/monitors/{instance}/stats</c>.</summary>
    public string Stats(string instanceId) => Monitor(instanceId, MonitorTopicKind.Stats);

    /// <summary>The topic of one kind for one monitor instance.</summary>
    public string Monitor(string instanceId, MonitorTopicKind kind)
    {
        MonitorInstanceId.Validate(instanceId);
        return $"{Prefix}/monitors/{instanceId}/{LevelName(kind)}";
    }

    /// <summary>Subscription filter for one kind across all instances, e.g. <c>npa/monitors/+/claim</c>.</summary>
    public string AllMonitors(MonitorTopicKind kind) => $"{Prefix}/monitors/+/{LevelName(kind)}";

    /// <summary>Splits a per-monitor topic under this prefix into instance id and kind; false for any other topic.</summary>
    public bool TryParseMonitorTopic(string topic, out string instanceId, out MonitorTopicKind kind)
    {
        ArgumentNullException.ThrowIfNull(topic);
        instanceId = "";
        kind = default;
        string head = Prefix + "/monitors/";
        if (!topic.StartsWith(head, StringComparison.Ordinal)) return false;
        var rest = topic[head.Length..].Split('/');
        if (rest.Length != 2 || !MonitorInstanceId.IsValid(rest[0])) return false;
        foreach (var k in Enum.GetValues<MonitorTopicKind>())
        {
            if (LevelName(k) != rest[1]) continue;
            (instanceId, kind) = (rest[0], k);
            return true;
        }
        return false;
    }

    /// <summary><c>{prefix}/beds/{bed}/assessment</c>.</summary>
    public string Assessment(string bedId) => Bed(bedId, BedTopicKind.Assessment);

    /// <summary><c>{prefix}/beds/{bed}/state</c>.</summary>
    public string State(string bedId) => Bed(bedId, BedTopicKind.State);

    /// <summary><c>{prefix}/beds/{bed}/alert</c>.</summary>
    public string Alert(string bedId) => Bed(bedId, BedTopicKind.Alert);

    /// <summary><c>{prefix}/beds/{bed}/status</c>.</summary>
    public string Status(string bedId) => Bed(bedId, BedTopicKind.Status);

    /// <summary>The topic of one kind for one bed.</summary>
    public string Bed(string bedId, BedTopicKind kind)
    {
        ValidateBedId(bedId);
        return $"{Prefix}/beds/{bedId}/{LevelName(kind)}";
    }

    /// <summary>Subscription filter for one kind across all beds, e.g. <c>npa/beds/+/alert</c>.</summary>
    public string AllBeds(BedTopicKind kind) => $"{Prefix}/beds/+/{LevelName(kind)}";

    /// <summary><c>{prefix}/beds/{bed}/set/{command}</c>: a nurse's command for one bed.</summary>
    public string Command(string bedId, BedCommandKind kind)
    {
        ValidateBedId(bedId);
        return $"{Prefix}/beds/{bedId}/set/{LevelName(kind)}";
    }

    /// <summary>Subscription filter for every command to every bed, <c>{prefix}/beds/+/set/+</c>.</summary>
    public string AllCommands => $"{Prefix}/beds/+/set/+";

    /// <summary>Splits a command topic under this prefix into bed id and command; false for any other topic.</summary>
    public bool TryParseCommandTopic(string topic, out string bedId, out BedCommandKind kind)
    {
        ArgumentNullException.ThrowIfNull(topic);
        bedId = "";
        kind = default;
        string head = Prefix + "/beds/";
        if (!topic.StartsWith(head, StringComparison.Ordinal)) return false;
        var rest = topic[head.Length..].Split('/');
        if (rest.Length != 3 || rest[1] != "set" || !IsValidBedId(rest[0])) return false;
        foreach (var k in Enum.GetValues<BedCommandKind>())
        {
            if (LevelName(k) != rest[2]) continue;
            (bedId, kind) = (rest[0], k);
            return true;
        }
        return false;
    }

    /// <summary>Splits a per-bed topic under this prefix into bed id and kind; false for any other topic.</summary>
    public bool TryParseBedTopic(string topic, out string bedId, out BedTopicKind kind)
    {
        ArgumentNullException.ThrowIfNull(topic);
        bedId = "";
        kind = default;
        string head = Prefix + "/beds/";
        if (!topic.StartsWith(head, StringComparison.Ordinal)) return false;
        var rest = topic[head.Length..].Split('/');
        if (rest.Length != 2 || !IsValidBedId(rest[0])) return false;
        foreach (var k in Enum.GetValues<BedTopicKind>())
        {
            if (LevelName(k) != rest[1]) continue;
            (bedId, kind) = (rest[0], k);
            return true;
        }
        return false;
    }

    /// <summary>True for a bed id that is one non-empty topic level without wildcards or control characters.</summary>
    public static bool IsValidBedId(string? bedId) =>
        !string.IsNullOrEmpty(bedId) && bedId.IndexOfAny(['+', '#', '/']) < 0 && !bedId.Any(char.IsControl);

    /// <summary>Throws <see cref="ArgumentException"/> with a readable reason when <paramref name="bedId"/> cannot be a topic level.</summary>
    public static void ValidateBedId(string? bedId)
    {
        if (string.IsNullOrEmpty(bedId)) throw new ArgumentException("bed id must not be empty", nameof(bedId));
        if (!IsValidBedId(bedId))
            throw new ArgumentException($"bed id '{bedId}' must not contain '+', '#', '/' or control characters (it is one MQTT topic level)", nameof(bedId));
    }

    private static string LevelName(BedCommandKind kind) => kind switch
    {
        BedCommandKind.Acknowledge => "ack",
        BedCommandKind.Silence => "silence",
        BedCommandKind.Hold => "hold",
        BedCommandKind.Resume => "resume",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown command"),
    };

    private static string LevelName(MonitorTopicKind kind) => kind switch
    {
        MonitorTopicKind.Available => "available",
        MonitorTopicKind.Stats => "stats",
        MonitorTopicKind.Claim => "claim",
        MonitorTopicKind.Conflict => "conflict",
        MonitorTopicKind.Model => "model",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown monitor topic kind"),
    };

    private static string LevelName(BedTopicKind kind) => kind switch
    {
        BedTopicKind.Assessment => "assessment",
        BedTopicKind.State => "state",
        BedTopicKind.Alert => "alert",
        BedTopicKind.Status => "status",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown topic kind"),
    };
}
