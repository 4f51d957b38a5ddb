using GraphQL.Transport;

namespace Actors.Api.TrustedDocuments;

/// <summary>
/// Where a request names a registered operation by hash. Two conventions are read: <c>documentId</c> (the
/// GraphQL-over-HTTP persisted-documents proposal, GraphQL for .NET's <see cref="GraphQLRequest.DocumentId"/>),
/// as <c>sha256:&lt;hex&gt;</c> or the bare hex; and Apollo's <c>extensions.persistedQuery.sha256Hash</c>.
/// </summary>
public static class TrustedDocumentReference
{
    private const string Sha256Prefix = "sha256:";

    /// <summary>Whether the request carries something to run: a document or a hash.</summary>
    public static bool HasDocument(GraphQLRequest request) =>
        !string.IsNullOrWhiteSpace(request.Query) || !string.IsNullOrWhiteSpace(request.DocumentId) || ApolloHash(request) is not null;

    /// <summary>
    /// The hash the request names (lower-case hex, prefix removed), null when it names none. Both conventions
    /// at once must name the same operation: otherwise <paramref name="conflict"/> is set.
    /// </summary>
    public static string? HashOf(GraphQLRequest request, out bool conflict)
    {
        var documentId = string.IsNullOrWhiteSpace(request.DocumentId) ? null : Normalise(request.DocumentId);
        var apollo = ApolloHash(request) is { } hash ? Normalise(hash) : null;
        conflict = documentId is not null && apollo is not null && documentId != apollo;
        return documentId ?? apollo;
    }

    private static string Normalise(string hash)
    {
        var trimmed = hash.Trim();
        if (trimmed.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[Sha256Prefix.Length..];
        }

        return trimmed.ToLowerInvariant();
    }

    private static string? ApolloHash(GraphQLRequest request)
    {
        if (request.Extensions is null || !request.Extensions.TryGetValue("persistedQuery", out var persisted))
        {
            return null;
        }

        // A persistedQuery that is not an object with a string hash names nothing that could be registered: an empty
        // hash, so that the request is refused as unknown rather than run as if the extension were absent.
        return persisted is IDictionary<string, object?> fields && fields.TryGetValue("sha256Hash", out var hash)
            ? hash as string ?? string.Empty
            : string.Empty;
    }
}
