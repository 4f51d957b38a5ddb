using System.Text.Json;

namespace Actors.Api.Transport;

/// <summary>
/// One client message of the graphql-transport-ws protocol, parsed: an object with a string
/// <c>type</c>, read through accessors that say whether each member has the protocol's shape.
/// Owns the parsed document; dispose it once the message is handled.
/// </summary>
internal sealed class GraphQLWebSocketMessage : IDisposable
{
    private readonly JsonDocument document;

    private GraphQLWebSocketMessage(JsonDocument document, string type)
    {
        this.document = document;
        Type = type;
    }

    public string Type { get; }

    private JsonElement Root => document.RootElement;

    /// <summary>Null with the reason to close with when the data is not JSON or has no string type.</summary>
    public static GraphQLWebSocketMessage? Parse(ReadOnlyMemory<byte> data, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            problem = "Invalid message received: not JSON";
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            document.Dispose();
            problem = "Invalid message received: no type";
            return null;
        }

        problem = null;
        return new GraphQLWebSocketMessage(document, type.GetString()!);
    }

    /// <summary>The id of subscribe and complete: a non-empty string.</summary>
    public bool TryGetId(out string id)
    {
        id = string.Empty;
        if (Root.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String)
        {
            id = value.GetString()!;
        }

        return id.Length > 0;
    }

    /// <summary>A payload may be absent or null; when present it must be an object.</summary>
    public bool TryGetOptionalPayload(out JsonElement? payload)
    {
        payload = null;
        if (!Root.TryGetProperty("payload", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        payload = value;
        return value.ValueKind == JsonValueKind.Object;
    }

    /// <summary>A payload that must be present and an object (subscribe).</summary>
    public bool TryGetRequiredPayload(out JsonElement payload) =>
        Root.TryGetProperty("payload", out payload) && payload.ValueKind == JsonValueKind.Object;

    /// <summary>Browsers cannot set headers on a WebSocket, so the token travels in connection_init.</summary>
    public static string? ReadToken(JsonElement? payload)
    {
        if (payload is not { } init)
        {
            return null;
        }

        foreach (var property in init.EnumerateObject())
        {
            if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase)
                || property.Name.Equals("token", StringComparison.OrdinalIgnoreCase))
            {
                // A non-string token cannot be valid: pass its text on so that it is refused, not ignored.
                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        return null;
    }

    /// <summary>No token, or a bare "Bearer" (what GraphiQL's header editor holds by default).</summary>
    public static bool IsAnonymous(string? token)
    {
        var trimmed = token?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => document.Dispose();
}
