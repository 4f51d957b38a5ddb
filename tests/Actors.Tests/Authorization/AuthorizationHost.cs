using System.Security.Claims;
using Actors.Api.Identity;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Tests.Authorization;

/// <summary>
/// A real API host of its own for the matrix test: its mutations change state, and it sends several thousand
/// operations, so the per-identity budgets are raised and the live progress feed ticks quickly.
/// </summary>
public sealed class AuthorizationHost : ApiFactory
{
    public const string Center = "TN11-GU1";

    public const string Governorate = "TUNIS";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Pathway:Automatic"] = "false",
        ["RateLimits:PerAddress"] = "1000000",
        ["RateLimits:PerIdentity"] = "1000000",
        ["RateLimits:ExpensivePerAddress"] = "1000000",
        ["RateLimits:ExpensivePerIdentity"] = "1000000",
        ["Progress:LiveInterval"] = "00:00:00.200",
    };

    /// <summary>A token signed with this host's key, with whatever issuer and claims a test names.</summary>
    public string ForgedToken(string issuer, params (string Type, string Value)[] claims)
    {
        var keys = Services.GetRequiredService<TokenKeys>();
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = keys.Options.Audience,
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value))),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(keys.SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    public string Issuer => Services.GetRequiredService<TokenKeys>().Options.Issuer;
}
