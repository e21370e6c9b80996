using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Npa.Monitor.Configuration;

namespace Npa.Monitor.Web;

/// <summary>The API bearer token, read once at start from <c>Web:TokenFile</c> or <c>Web:Token</c>; absent means the protected API is closed.</summary>
public sealed class BearerToken
{
    private readonly byte[]? _token;
    private readonly byte[]? _session;

    public BearerToken(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? token = options.TokenFile is { Length: > 0 } file
            ? File.ReadLines(file).FirstOrDefault()?.Trim()
            : options.Token?.Trim();
        if (token is { Length: > 0 } && token.Length < WebOptionsValidator.MinTokenLength)
            throw new InvalidOperationException($"Web:TokenFile: the token in '{options.TokenFile}' is shorter than {WebOptionsValidator.MinTokenLength} characters");
        _token = string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetBytes(token);
        // Derived, so the cookie never holds the token itself, and changing the token signs every dashboard out.
        _session = _token is null ? null : HMACSHA256.HashData(_token, "npa-dashboard-session/1"u8);
    }

    /// <summary>True when a token is configured.</summary>
    public bool IsConfigured => _token is not null;

    /// <summary>True when <paramref name="authorizationHeader"/> is <c>Bearer &lt;token&gt;</c> with the configured token.</summary>
    public bool Accepts(string? authorizationHeader)
    {
        if (_token is null || authorizationHeader is null) return false;
        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var presented = Encoding.UTF8.GetBytes(authorizationHeader[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _token);
    }

    /// <summary>The dashboard's session cookie value for this token (base64url); null when no token is configured.</summary>
    public string? SessionValue => _session is null ? null : Base64Url.EncodeToString(_session);

    /// <summary>True when <paramref name="cookie"/> is <see cref="SessionValue"/>.</summary>
    public bool AcceptsSession(string? cookie)
    {
        if (_session is null || string.IsNullOrEmpty(cookie)) return false;
        byte[] presented;
        try { presented = Base64Url.DecodeFromChars(cookie); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(presented, _session);
    }
}
