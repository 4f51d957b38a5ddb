using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Api.Identity;

/// <summary>Builds the validation parameters and the signing key from <see cref="ActorsAuthOptions"/>, once.</summary>
public sealed class TokenKeys
{
    // Development only: a fixed key so that tokens survive restarts on a developer's machine.
    private const string DevelopmentKey = "actors-development-signing-key-not-for-production-use";

    public TokenKeys(ActorsAuthOptions options, bool isDevelopment)
    {
        var key = options.SigningKey;
        if (string.IsNullOrEmpty(key))
        {
            if (!isDevelopment)
            {
                throw new InvalidOperationException(
                    "Auth:SigningKey (environment Auth__SigningKey) is required outside Development.");
            }

            key = DevelopmentKey;
        }

        if (Encoding.UTF8.GetByteCount(key) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes.");
        }

        SigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
        Options = options;
        ValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = SigningKey,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = ActorClaims.Subject,
            RoleClaimType = ActorClaims.Role,
        };
    }

    public ActorsAuthOptions Options { get; }

    public SymmetricSecurityKey SigningKey { get; }

    public TokenValidationParameters ValidationParameters { get; }
}
