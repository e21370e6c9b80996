using System.Security.Cryptography;
using System.Text;

namespace Npa.Monitor.Storage;

/// <summary>
/// Seals a crop with AES-256-GCM: <c>"NPAC" | version 1 | key id length | key id (ASCII) | nonce (12) | tag (16) |
/// ciphertext</c>. The header and the frame id are the associated data, so a crop renamed to another frame, or given
/// another key id, fails its tag just as a flipped byte does.
/// </summary>
public static class CropCipher
{
    /// <summary>File name extension of a sealed crop (after <c>.png</c>).</summary>
    public const string SealedExtension = ".enc";

    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static ReadOnlySpan<byte> Magic => "NPAC"u8;

    /// <summary>The crop sealed with the ring's writing key for frame <paramref name="frameId"/>.</summary>
    public static byte[] Seal(CropKeyRing ring, string frameId, ReadOnlySpan<byte> plain)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentException.ThrowIfNullOrEmpty(frameId);
        byte[] header = Header(ring.WritingKeyId);
        byte[] sealedCrop = new byte[header.Length + NonceBytes + TagBytes + plain.Length];
        header.CopyTo(sealedCrop, 0);
        var nonce = sealedCrop.AsSpan(header.Length, NonceBytes);
        var tag = sealedCrop.AsSpan(header.Length + NonceBytes, TagBytes);
        var cipher = sealedCrop.AsSpan(header.Length + NonceBytes + TagBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(ring.WritingKey, TagBytes);
        aes.Encrypt(nonce, plain, cipher, tag, AssociatedData(header, frameId));
        return sealedCrop;
    }

    /// <summary>
    /// The plain crop of frame <paramref name="frameId"/>; throws <see cref="CropUnreadableException"/> naming
    /// <paramref name="file"/> when the header is damaged, the key is not in the ring, or the tag does not match.
    /// </summary>
    public static byte[] Open(CropKeyRing? ring, string frameId, ReadOnlySpan<byte> sealedCrop, string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(frameId);
        int idLength = sealedCrop.Length > Magic.Length + 1 ? sealedCrop[Magic.Length + 1] : 0;
        int headerLength = Magic.Length + 2 + idLength;
        if (!sealedCrop.StartsWith(Magic) || sealedCrop[Magic.Length] != Version || idLength == 0
            || sealedCrop.Length < headerLength + NonceBytes + TagBytes)
            throw new CropUnreadableException($"crop of flagged frame {frameId} ({file}) is not a sealed crop of version {Version}: its header is damaged; the file is kept");
        var header = sealedCrop[..headerLength];
        string keyId = Encoding.ASCII.GetString(header[(Magic.Length + 2)..]);
        if (ring is null)
            throw new CropUnreadableException($"crop of flagged frame {frameId} ({file}) is sealed with key '{keyId}', but no key ring is configured (Storage:CropKeyRing)");
        if (!ring.TryGetKey(keyId, out byte[] key))
            throw new CropUnreadableException($"crop of flagged frame {frameId} ({file}) is sealed with key '{keyId}', which is not in the key ring {ring.Folder} (holds {string.Join(", ", ring.KeyIds.Order(StringComparer.Ordinal))}); restore that key file");
        var nonce = sealedCrop.Slice(headerLength, NonceBytes);
        var tag = sealedCrop.Slice(headerLength + NonceBytes, TagBytes);
        var cipher = sealedCrop[(headerLength + NonceBytes + TagBytes)..];
        byte[] plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(nonce, cipher, tag, plain, AssociatedData(header, frameId));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CropUnreadableException($"crop of flagged frame {frameId} ({file}) fails its integrity check (AES-GCM tag, key '{keyId}'): the file was altered or is corrupt, or belongs to another frame; the file is kept", ex);
        }
        return plain;
    }

    private static byte[] Header(string keyId)
    {
        if (!CropKeyRing.IsValidKeyId(keyId)) throw new ArgumentException($"key id '{keyId}' is not 1–64 letters, digits, '.', '_' and '-'", nameof(keyId));
        byte[] id = Encoding.ASCII.GetBytes(keyId);
        return [.. Magic, Version, (byte)id.Length, .. id];
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, string frameId) => [.. header, .. Encoding.UTF8.GetBytes(frameId)];
}
