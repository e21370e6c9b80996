using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Npa.Monitor.Annotation;

/// <summary>
/// The annotators who may log in: a 0600 file of <c>name:pbkdf2-sha256:iterations:salt:hash</c> lines (salt and hash
/// base64), written by <c>npa-monitor annotate add-user</c>. Only hashes are kept, so a copied file gives no password away.
/// </summary>
public sealed class AnnotatorPasswordFile
{
    /// <summary>PBKDF2-HMAC-SHA256 iterations for new entries (OWASP's 2023 figure).</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>Longest annotator name (the same bound as <c>flags import</c>'s annotator column).</summary>
    public const int MaxNameLength = 100;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16, HashBytes = 32;

    private readonly Dictionary<string, Entry> _entries;
    private readonly Entry _decoy;

    private AnnotatorPasswordFile(Dictionary<string, Entry> entries)
    {
        _entries = entries;
        // Unknown names cost the same PBKDF2 work as known ones, so timing does not tell which names exist.
        _decoy = new Entry(entries.Values.Select(e => e.Iterations).DefaultIfEmpty(DefaultIterations).Max(), new byte[SaltBytes], new byte[HashBytes]);
    }

    /// <summary>Annotator names in the file, in file order.</summary>
    public IReadOnlyCollection<string> Names => _entries.Keys;

    /// <summary>Reads <paramref name="path"/>; a file readable by group or others, or a malformed line, throws <see cref="InvalidOperationException"/> naming it.</summary>
    public static AnnotatorPasswordFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the password file needs POSIX modes (0600); NpaMonitor runs on Linux");
        if (!File.Exists(full)) throw new InvalidOperationException($"--users: the password file '{full}' does not exist (create it with 'npa-monitor annotate add-user NAME --users {path}')");
        var mode = File.GetUnixFileMode(full);
        if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
            throw new InvalidOperationException($"--users: the password file '{full}' has mode {Convert.ToString((int)mode, 8)}; it must be readable by its owner only (chmod 600)");
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        int line = 0;
        foreach (string text in File.ReadLines(full))
        {
            line++;
            if (text.Trim().Length == 0 || text.StartsWith('#')) continue;
            var parts = text.Split(':');
            if (parts.Length != 5 || parts[1] != Scheme || !ValidName(parts[0])
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int iterations) || iterations < 1
                || !TryBase64(parts[3], SaltBytes, out var salt) || !TryBase64(parts[4], HashBytes, out var hash))
                throw new InvalidOperationException($"--users: '{full}', line {line}: expected name:{Scheme}:iterations:salt:hash (written by 'annotate add-user')");
            if (!entries.TryAdd(parts[0], new Entry(iterations, salt, hash)))
                throw new InvalidOperationException($"--users: '{full}', line {line}: annotator '{parts[0]}' is listed twice");
        }
        if (entries.Count == 0) throw new InvalidOperationException($"--users: the password file '{full}' lists no annotator");
        return new AnnotatorPasswordFile(entries);
    }

    /// <summary>True when <paramref name="password"/> is <paramref name="name"/>'s password (fixed-time comparison).</summary>
    public bool Verify(string? name, string? password)
    {
        var entry = name is not null && _entries.TryGetValue(name, out var e) ? e : _decoy;
        byte[] derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password ?? ""), entry.Salt, entry.Iterations, HashAlgorithmName.SHA256, HashBytes);
        return CryptographicOperations.FixedTimeEquals(derived, entry.Hash) && !ReferenceEquals(entry, _decoy);
    }

    /// <summary>One file line for <paramref name="name"/> with a fresh random salt.</summary>
    public static string HashLine(string name, string password, int iterations = DefaultIterations)
    {
        if (!ValidName(name)) throw new ArgumentException($"annotator name '{name}' must be 1–{MaxNameLength} characters without ':' or control characters", nameof(name));
        ArgumentException.ThrowIfNullOrEmpty(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join(':', name, Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Appends <paramref name="name"/> to the file at <paramref name="path"/> (created 0600); a name already there is refused.</summary>
    public static void AddUser(string path, string name, string password, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (File.Exists(full) && Load(full).Names.Contains(name))
            throw new InvalidOperationException($"annotator '{name}' is already in '{full}'");
        string line = HashLine(name, password, iterations) + "\n";
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the password file needs POSIX modes (0600); NpaMonitor runs on Linux");
        using var stream = new FileStream(full, new FileStreamOptions
        {
            Mode = FileMode.Append, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>True for a name of 1–100 characters without ':' or control characters.</summary>
    public static bool ValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.Trim().Length == name.Length && !name.Any(c => c == ':' || char.IsControl(c));

    private static bool TryBase64(string text, int length, out byte[] bytes)
    {
        bytes = new byte[length];
        return Convert.TryFromBase64String(text, bytes, out int written) && written == length;
    }

    private sealed record Entry(int Iterations, byte[] Salt, byte[] Hash);
}
