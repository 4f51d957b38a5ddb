using System.Security.Claims;
using Actors.Api.GraphQL;
using Actors.Api.Identity;

namespace Actors.Api.Security;

/// <summary>
/// Which budget a request draws on and whose it is. The endpoint's name is part of every key, so that a citizen's
/// GraphQL calls do not use up the budget of the payment gateway's webhook behind the same address.
/// </summary>
internal static class RateLimitingPartitions
{
    public const string GraphQL = "graphql";

    /// <summary>The limited endpoint a request goes to, or null for the rest (pages, health, keys).</summary>
    public static string? EndpointOf(HttpRequest request)
    {
        var path = request.Path;
        if (path.Equals("/graphql", StringComparison.OrdinalIgnoreCase))
        {
            return GraphQL;
        }

        if (path.Equals("/dev/token", StringComparison.OrdinalIgnoreCase))
        {
            return "dev-token";
        }

        if (path.Equals("/payments/webhook", StringComparison.OrdinalIgnoreCase))
        {
            return "payment-webhook";
        }

        if (path.StartsWithSegments("/exports", StringComparison.OrdinalIgnoreCase))
        {
            return "exports";
        }

        return path.StartsWithSegments("/documents", StringComparison.OrdinalIgnoreCase)
            && path.Value!.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            ? "documents"
            : null;
    }

    /// <summary>Exports read whole reports: they draw on the expensive budget as well.</summary>
    public static bool IsExpensive(string endpoint) => endpoint == "exports";

    public static string AddressKey(string endpoint, string? address) =>
        endpoint + "|" + WebSocketConnectionCounts.AddressKey(address);

    /// <summary>The caller's issuer and subject when a valid token came with the request, else null (the address budget alone applies).</summary>
    public static string? IdentityKey(string endpoint, ClaimsPrincipal? user)
    {
        if (user is null || ActorClaims.ToActor(user) is not { } actor)
        {
            return null;
        }

        return endpoint + "|" + WebSocketConnectionCounts.IdentityKey(actor.Issuer, actor.Subject);
    }

    public static string? IdentityKey(GraphQLUserContext caller) => IdentityKey(GraphQL, caller.User);
}
