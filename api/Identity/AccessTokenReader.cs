using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Actors.Api.Identity;

/// <summary>
/// Validates a raw bearer token outside the HTTP pipeline: the WebSocket transport reads it from
/// the connection_init payload, since browsers cannot set headers on a WebSocket.
/// </summary>
public sealed class AccessTokenReader(TokenKeys keys)
{
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    /// <summary>The principal of a valid token (with or without the "Bearer " prefix), or null.</summary>
    public async Task<ClaimsPrincipal?> ReadAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        const string prefix = "Bearer ";
        var raw = token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? token[prefix.Length..] : token;
        var result = await handler.ValidateTokenAsync(raw.Trim(), keys.ValidationParameters);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }
}
