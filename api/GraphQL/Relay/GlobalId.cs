using System.Buffers.Text;
using System.Text;
using Actors.Api.GraphQL.Errors;

namespace Actors.Api.GraphQL.Relay;

/// <summary>Opaque, type-tagged global ids: base64url of "TypeName:key".</summary>
public static class GlobalId
{
    public static string Encode(string typeName, string key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    /// <summary>Decodes an id; malformed input is a BAD_USER_INPUT error.</summary>
    public static (string TypeName, string Key) Decode(string? id)
    {
        if (TryDecode(id, out var typeName, out var key))
        {
            return (typeName, key);
        }

        throw ApiErrors.BadInput("Malformed id.", "id");
    }

    /// <summary>Decodes an id of one expected type; another type's id or a malformed one is BAD_USER_INPUT.</summary>
    public static string DecodeKey(string? id, string expectedType)
    {
        var (typeName, key) = Decode(id);
        if (typeName != expectedType)
        {
            throw ApiErrors.BadInput($"Expected the id of a {expectedType}, got one of a {typeName}.", "id");
        }

        return key;
    }

    public static Guid DecodeGuid(string? id, string expectedType) =>
        Guid.TryParseExact(DecodeKey(id, expectedType), "N", out var guid)
            ? guid
            : throw ApiErrors.BadInput("Malformed id.", "id");

    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        typeName = key = "";
        if (string.IsNullOrEmpty(id) || id.Length > 256)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[256];
        if (Base64Url.DecodeFromChars(id, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer[..written]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }
}
