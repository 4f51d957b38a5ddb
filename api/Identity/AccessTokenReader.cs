using System.Security.Claims;

namespace Actors.Api.Identity;

/// <summary>
/// Validates a raw bearer token outside the HTTP pipeline: the WebSocket transport reads it from
/// the connection_init payload, since browsers cannot set headers on a WebSocket.
/// </summary>
public sealed class AccessTokenReader(BearerTokenValidator validator)
{
    /// <summary>The principal of a valid token (with or without the "Bearer " prefix), or null.</summary>
    public async Task<ClaimsPrincipal?> ReadAsync(string? token) => (await CheckAsync(token)).Principal;

    /// <summary>The caller of a valid token, or why it is refused.</summary>
    public async Task<TokenCheck> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenCheck.Refused("no token");
        }

        const string prefix = "Bearer ";
        var raw = token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? token[prefix.Length..] : token;
        return await validator.ValidateAsync(raw.Trim(), cancellationToken);
    }
}
