using System.Security.Claims;
using Actors.Api.Identity;
using Actors.Contracts.Identity;

namespace Actors.Api.GraphQL;

/// <summary>
/// The per-operation context: who is calling (null when anonymous) and the language they asked for.
/// Both transports (HTTP and WebSocket) build one per operation.
/// </summary>
public sealed class GraphQLUserContext : Dictionary<string, object?>
{
    public GraphQLUserContext(ClaimsPrincipal? user, string? acceptLanguage, string? clientAddress = null)
    {
        ClientAddress = string.IsNullOrWhiteSpace(clientAddress) ? "unknown" : clientAddress;
        User = user ?? new ClaimsPrincipal(new ClaimsIdentity());
        Actor = ActorClaims.ToActor(user);
        Language = PreferredLanguage(acceptLanguage);
    }

    public ClaimsPrincipal User { get; }

    public Actor? Actor { get; }

    /// <summary>The caller's network address as the server saw it (for per-client limits; hashed before anything keeps it).</summary>
    public string ClientAddress { get; }

    /// <summary>"ar" or "fr" (default), from Accept-Language.</summary>
    public string Language { get; }

    private static string PreferredLanguage(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage))
        {
            return "fr";
        }

        foreach (var part in acceptLanguage.Split(','))
        {
            var tag = part.Split(';')[0].Trim().ToLowerInvariant();
            if (tag.StartsWith("ar", StringComparison.Ordinal))
            {
                return "ar";
            }

            if (tag.StartsWith("fr", StringComparison.Ordinal))
            {
                return "fr";
            }
        }

        return "fr";
    }
}
