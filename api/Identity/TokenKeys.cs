using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Api.Identity;

/// <summary>The local issuer's settings and HMAC key (configured, or generated per machine in Development).</summary>
public sealed class TokenKeys
{
    public TokenKeys(ActorsAuthOptions options, byte[] key)
    {
        if (key.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes.");
        }

        Options = options;
        SigningKey = new SymmetricSecurityKey(key);
    }

    public ActorsAuthOptions Options { get; }

    public SymmetricSecurityKey SigningKey { get; }

    /// <summary>
    /// The local issuer's key: Auth:SigningKey when set; in Development without it, the key this machine generated at its
    /// first start (no key is written in the source); null elsewhere (then only OpenID Connect issuers are trusted).
    /// </summary>
    public static TokenKeys? Resolve(ActorsAuthOptions options, bool isDevelopment)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            return new TokenKeys(options, Encoding.UTF8.GetBytes(options.SigningKey));
        }

        return isDevelopment ? new TokenKeys(options, TokenSigningKeyStore.LoadOrCreate(options.GeneratedKeyDirectoryOrDefault)) : null;
    }
}
