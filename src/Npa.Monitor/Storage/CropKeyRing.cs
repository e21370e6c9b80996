using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Npa.Monitor.Storage;

/// <summary>
/// The AES-256 keys that seal flagged crops at rest: a folder of <c>{keyId}.key</c> files of 32 raw bytes, each mode
/// 0600. Every key reads; the key whose id sorts last (ordinal) writes, so a rotation adds a newer key and keeps the old
/// ones until the crops they sealed have expired (see docs/crop-encryption.md).
/// </summary>
public sealed partial class CropKeyRing
{
    /// <summary>Bytes of one key (AES-256).</summary>
    public const int KeyBytes = 32;

    /// <summary>File name extension of a key file in the ring folder.</summary>
    public const string KeyExtension = ".key";

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly FrozenDictionary<string, byte[]> _keys;

    private CropKeyRing(string folder, FrozenDictionary<string, byte[]> keys)
    {
        Folder = folder;
        _keys = keys;
        WritingKeyId = keys.Keys.Order(StringComparer.Ordinal).Last();
    }

    /// <summary>Folder the keys were read from.</summary>
    public string Folder { get; }

    /// <summary>Id of the key new crops are sealed with (the one that sorts last).</summary>
    public string WritingKeyId { get; }

    /// <summary>Ids of every key that can open a crop.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>The writing key's bytes.</summary>
    internal ReadOnlySpan<byte> WritingKey => _keys[WritingKeyId];

    /// <summary>
    /// Reads every <c>*.key</c> file of <paramref name="folder"/>. Throws <see cref="CropKeyRingException"/> naming
    /// <paramref name="settingName"/> and the file when the folder is missing or empty, a key file is readable by group
    /// or others, is not 32 bytes, or has an id other than letters, digits, '.', '_' and '-'.
    /// </summary>
    public static CropKeyRing Load(string folder, string settingName = "Storage:CropKeyRing")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("crop keys need POSIX modes (0600); NpaMonitor runs on Linux");
        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) throw new CropKeyRingException($"{settingName}: the key folder '{full}' does not exist");
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(full, "*" + KeyExtension))
        {
            string id = Path.GetFileNameWithoutExtension(path);
            if (!KeyIdPattern().IsMatch(id))
                throw new CropKeyRingException($"{settingName}: key file '{path}' has an id other than 1–64 letters, digits, '.', '_' and '-'");
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != 0)
                throw new CropKeyRingException($"{settingName}: key file '{path}' has mode {Octal(mode)}; a crop key must be readable by its owner only (chmod 600)");
            byte[] key = File.ReadAllBytes(path);
            if (key.Length != KeyBytes)
                throw new CropKeyRingException($"{settingName}: key file '{path}' holds {key.Length} bytes; a crop key is {KeyBytes} random bytes (head -c 32 /dev/urandom)");
            keys[id] = key;
        }
        if (keys.Count == 0) throw new CropKeyRingException($"{settingName}: the key folder '{full}' holds no *{KeyExtension} file");
        return new CropKeyRing(full, keys.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The key with this id, or false when the ring does not hold it (retired too early, or another ring).</summary>
    internal bool TryGetKey(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    /// <summary>Whether <paramref name="keyId"/> could name a key file.</summary>
    public static bool IsValidKeyId(string keyId) => KeyIdPattern().IsMatch(keyId);

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex KeyIdPattern();
}
