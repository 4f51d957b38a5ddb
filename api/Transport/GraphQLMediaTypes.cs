using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Actors.Api.Transport;

/// <summary>Response media types of GraphQL over HTTP and the negotiation between them.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with, or null when the Accept header allows neither (406).
    /// No Accept header, and wildcards, mean <c>application/json</c>: the spec's rule for the
    /// transition period, which legacy clients that do not know the new type depend on.
    /// </summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            // An unreadable header is the client's mistake, not a refusal: answer in the safe default.
            return Json;
        }

        string? best = null;
        var bestQuality = 0d;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1d;
            if (quality <= 0 || !IsUtf8(range))
            {
                continue;
            }

            var candidate = Match(range);
            if (candidate is null)
            {
                continue;
            }

            // On equal quality the newer type wins: it carries more precise status codes.
            if (quality > bestQuality || (quality.Equals(bestQuality) && candidate == GraphQLResponse))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>True when a request Content-Type is JSON in UTF-8 (the charset may be omitted).</summary>
    public static bool IsJsonRequest(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && IsUtf8(parsed);

    private static string? Match(MediaTypeHeaderValue range)
    {
        var type = range.MediaType;
        if (type.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase))
        {
            return GraphQLResponse;
        }

        if (type.Equals(Json, StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/*", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.OrdinalIgnoreCase))
        {
            return Json;
        }

        return null;
    }

    private static bool IsUtf8(MediaTypeHeaderValue value) =>
        !value.Charset.HasValue
        || value.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || value.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
