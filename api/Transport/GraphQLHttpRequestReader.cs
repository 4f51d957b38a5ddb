using System.Buffers;
using System.Text.Json;
using Actors.Api.TrustedDocuments;
using Actors.Contracts.Errors;
using GraphQL;
using GraphQL.Transport;

namespace Actors.Api.Transport;

/// <summary>Reads a GraphQL-over-HTTP request: a JSON body on POST, URL parameters on GET.</summary>
internal static class GraphQLHttpRequestReader
{
    public static async Task<ParsedGraphQLRequest> ReadPostAsync(
        HttpRequest http, IGraphQLTextSerializer serializer, int maxBytes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(http.ContentType))
        {
            return ParsedGraphQLRequest.Fail(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json.", ErrorCodes.UnsupportedMediaType);
        }

        if (!GraphQLMediaTypes.IsJsonRequest(http.ContentType))
        {
            return ParsedGraphQLRequest.Fail(
                StatusCodes.Status415UnsupportedMediaType,
                $"Unsupported Content-Type '{http.ContentType}': send application/json in UTF-8.",
                ErrorCodes.UnsupportedMediaType);
        }

        if (http.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // The body is read into a pooled buffer, grown by doubling for the rare large one, and parsed from there: a
        // growing MemoryStream allocated its arrays at every request.
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var length = 0;
            int read;
            while ((read = await http.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                // Content-Length may be absent (chunked) or wrong: count what actually arrives.
                length += read;
                if (length > maxBytes)
                {
                    return TooLarge(maxBytes);
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            if (length == 0)
            {
                return ParsedGraphQLRequest.Fail(StatusCodes.Status400BadRequest, "The request body is empty: send a JSON object with a 'query'.");
            }

            GraphQLRequest? request;
            try
            {
                using var body = new MemoryStream(buffer, 0, length, writable: false);
                request = await serializer.ReadAsync<GraphQLRequest>(body, cancellationToken);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
            {
                // The serializer reports wrongly typed members (a non-string query, a non-object
                // variables...) the same way as malformed JSON: both are a bad request.
                return ParsedGraphQLRequest.Fail(
                    StatusCodes.Status400BadRequest,
                    "The body must be a UTF-8 JSON object: 'query' a string, 'operationName' a string or null, "
                    + "'variables' and 'extensions' objects or null." + Position(ex));
            }

            return Complete(request);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static ParsedGraphQLRequest ReadGet(HttpRequest http, IGraphQLTextSerializer serializer)
    {
        var query = http.Query;
        if (query["query"].Count > 1 || query["operationName"].Count > 1 || query["variables"].Count > 1 || query["extensions"].Count > 1
            || query["documentId"].Count > 1)
        {
            return ParsedGraphQLRequest.Fail(StatusCodes.Status400BadRequest, "Each GraphQL parameter may appear once.");
        }

        var request = new GraphQLRequest
        {
            Query = NullIfEmpty(query["query"].ToString()),
            OperationName = NullIfEmpty(query["operationName"].ToString()),
            DocumentId = NullIfEmpty(query["documentId"].ToString()),
        };

        try
        {
            request.Variables = ReadInputs(serializer, query["variables"].ToString());
            request.Extensions = ReadInputs(serializer, query["extensions"].ToString());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            return ParsedGraphQLRequest.Fail(
                StatusCodes.Status400BadRequest, "'variables' and 'extensions' must be URL-encoded JSON objects." + Position(ex));
        }

        return Complete(request);
    }

    private static ParsedGraphQLRequest Complete(GraphQLRequest? request)
    {
        if (request is null)
        {
            return ParsedGraphQLRequest.Fail(StatusCodes.Status400BadRequest, "The request must be a JSON object with a 'query'.");
        }

        if (!TrustedDocumentReference.HasDocument(request))
        {
            return ParsedGraphQLRequest.Fail(StatusCodes.Status400BadRequest, "The 'query' parameter is missing.");
        }

        return ParsedGraphQLRequest.Ok(request);
    }

    private static Inputs? ReadInputs(IGraphQLTextSerializer serializer, string json) =>
        string.IsNullOrWhiteSpace(json) ? null : serializer.Deserialize<Inputs>(json);

    private static ParsedGraphQLRequest TooLarge(int maxBytes) =>
        ParsedGraphQLRequest.Fail(StatusCodes.Status413PayloadTooLarge, $"The request body exceeds {maxBytes / 1024} KiB.", ErrorCodes.PayloadTooLarge);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    // The serializer's own messages name .NET types; the position is the useful part for a client.
    private static string Position(Exception ex) =>
        ex is JsonException { BytePositionInLine: { } column, LineNumber: { } line }
            ? $" (line {line + 1}, byte {column + 1})"
            : string.Empty;
}
