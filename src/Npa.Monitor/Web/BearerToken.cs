using System.Security.Cryptography;
using System.Text;
using Npa.Monitor.Configuration;

namespace Npa.Monitor.Web;

/// <summary>The API bearer token, read once at start from <c>Web:TokenFile</c> or <c>Web:Token</c>; absent means the protected API is closed.</summary>
public sealed class BearerToken
{
    private readonly byte[]? _token;

    public BearerToken(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? token = options.TokenFile is { Length: > 0 } file
            ? File.ReadLines(file).FirstOrDefault()?.Trim()
            : options.Token?.Trim();
        if (token is { Length: > 0 } && token.Length < WebOptionsValidator.MinTokenLength)
            throw new InvalidOperationException($"Web:TokenFile: the token in '{options.TokenFile}' is shorter than {WebOptionsValidator.MinTokenLength} characters");
        _token = string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetBytes(token);
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
}
