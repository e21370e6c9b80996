namespace Npa.Monitor.Annotation;

/// <summary>
/// Slows password guessing: after <see cref="MaxFailuresPerName"/> failed logins for one name, or
/// <see cref="MaxFailuresOverall"/> for all names together, within <see cref="Window"/>, further attempts are refused
/// without running PBKDF2 until the oldest failure leaves the window. The overall bound also caps the CPU that
/// guesses at made-up names can cost.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    /// <summary>Failed logins allowed per name within <see cref="Window"/>.</summary>
    public const int MaxFailuresPerName = 5;

    /// <summary>Failed logins allowed for all names together within <see cref="Window"/>.</summary>
    public const int MaxFailuresOverall = 30;

    /// <summary>The sliding window the failures are counted in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const string Overall = "\0all";
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when a login for <paramref name="name"/> must be refused now.</summary>
    public bool IsBlocked(string? name)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return Count(Overall, now) >= MaxFailuresOverall || Count(name ?? "", now) >= MaxFailuresPerName;
        }
    }

    /// <summary>Records a failed login for <paramref name="name"/>.</summary>
    public void Failed(string? name)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (string key in new[] { Overall, name ?? "" })
            {
                if (!_failures.TryGetValue(key, out var queue)) _failures[key] = queue = new Queue<DateTimeOffset>();
                queue.Enqueue(now);
            }
        }
    }

    /// <summary>Forgets the failures of <paramref name="name"/> after a successful login.</summary>
    public void Succeeded(string name)
    {
        lock (_gate) _failures.Remove(name);
    }

    private int Count(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue)) return 0;
        while (queue.Count > 0 && now - queue.Peek() >= Window) queue.Dequeue();
        if (queue.Count == 0) _failures.Remove(key); // names that stopped failing do not pile up
        return queue.Count;
    }
}
