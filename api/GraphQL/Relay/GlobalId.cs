using System.Buffers.Text;
using System.Text;
using Actors.Api.GraphQL.Errors;

namespace Actors.Api.GraphQL.Relay;

/// <summary>Opaque, type-tagged global ids: base64url of "TypeName:key".</summary>
public static class GlobalId
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string Encode(string typeName, string key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    /// <summary>
    /// <see cref="Encode(string, string)"/> of a Guid key written as 32 hex digits ("N"), in one allocation, the id's
    /// own: every node of a page encodes one.
    /// </summary>
    public static string Encode(string typeName, Guid key)
    {
        var length = Encoding.UTF8.GetByteCount(typeName);
        if (length > 128)
        {
            return Encode(typeName, key.ToString("N"));
        }

        Span<byte> text = stackalloc byte[length + 1 + 32];
        Encoding.UTF8.GetBytes(typeName, text);
        text[length] = (byte)':';
        key.TryFormat(text[(length + 1)..], out _, "N");
        return Base64Url.EncodeToString(text);
    }

    /// <summary>
    /// Decodes an id; malformed input is a BAD_USER_INPUT error naming <paramref name="field"/>, the argument or input
    /// field as the caller wrote it (<c>input.centerId</c>), so that a form can put the message beside the right control.
    /// </summary>
    public static (string TypeName, string Key) Decode(string? id, string field = "id")
    {
        if (TryDecode(id, out var typeName, out var key))
        {
            return (typeName, key);
        }

        throw ApiErrors.BadInput("Malformed id.", field);
    }

    /// <summary>Decodes an id of one expected type; another type's id or a malformed one is BAD_USER_INPUT.</summary>
    public static string DecodeKey(string? id, string expectedType, string field = "id")
    {
        // The common case, an id of the expected type, in one allocation (the key's); anything else is explained below.
        if (TryDecodeKey(id, expectedType) is { } found)
        {
            return found;
        }

        var (typeName, key) = Decode(id, field);
        if (typeName != expectedType)
        {
            throw ApiErrors.BadInput($"Expected the id of a {expectedType}, got one of a {typeName}.", field);
        }

        return key;
    }

    public static Guid DecodeGuid(string? id, string expectedType, string field = "id") =>
        Guid.TryParseExact(DecodeKey(id, expectedType, field), "N", out var guid)
            ? guid
            : throw ApiErrors.BadInput("Malformed id.", field);

    /// <summary>The key of a well-formed id of <paramref name="typeName"/>; null for any other id.</summary>
    private static string? TryDecodeKey(string? id, string typeName)
    {
        Span<char> text = stackalloc char[256];
        if (!TryDecodeText(id, text, out var length))
        {
            return null;
        }

        var decoded = text[..length];
        return decoded.Length > typeName.Length + 1 && decoded[typeName.Length] == ':' && decoded.StartsWith(typeName, StringComparison.Ordinal)
            ? new string(decoded[(typeName.Length + 1)..])
            : null;
    }

    /// <summary>An id's text, "TypeName:key", into <paramref name="text"/> (256 characters); false when the id is not base64url of UTF-8.</summary>
    private static bool TryDecodeText(string? id, Span<char> text, out int length)
    {
        length = 0;
        if (string.IsNullOrEmpty(id) || id.Length > 256)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[256];
        if (Base64Url.DecodeFromChars(id, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        try
        {
            length = StrictUtf8.GetChars(buffer[..written], text);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        typeName = key = "";
        Span<char> decoded = stackalloc char[256];
        if (!TryDecodeText(id, decoded, out var length))
        {
            return false;
        }

        var text = decoded[..length];
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        typeName = new string(text[..colon]);
        key = new string(text[(colon + 1)..]);
        return true;
    }
}
