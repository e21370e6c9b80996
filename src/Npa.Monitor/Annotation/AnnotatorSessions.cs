using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Npa.Monitor.Annotation;

/// <summary>
/// Logged-in annotators: a random 256-bit session id (the cookie) per login, held in memory only, so a restart of
/// <c>annotate</c> signs everyone out. A session ends after <see cref="Lifetime"/> or at logout.
/// </summary>
public sealed class AnnotatorSessions(TimeSpan lifetime, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string Annotator, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);

    /// <summary>How long a session lasts after login.</summary>
    public TimeSpan Lifetime { get; } = lifetime > TimeSpan.Zero ? lifetime : throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "a session must last a positive time");

    /// <summary>Starts a session for <paramref name="annotator"/>; returns its id.</summary>
    public string Start(string annotator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(annotator);
        string id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _sessions[id] = (annotator, time.GetUtcNow() + Lifetime);
        return id;
    }

    /// <summary>The annotator of a live session, or null (unknown or expired id).</summary>
    public string? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out var session)) return null;
        if (time.GetUtcNow() < session.Expires) return session.Annotator;
        _sessions.TryRemove(id, out _);
        return null;
    }

    /// <summary>Ends a session (logout); an unknown id is ignored.</summary>
    public void End(string? id)
    {
        if (!string.IsNullOrEmpty(id)) _sessions.TryRemove(id, out _);
    }
}
