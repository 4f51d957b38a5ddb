using System.Buffers.Text;
using System.Text;
using Actors.Api.GraphQL.Errors;

namespace Actors.Api.GraphQL.Relay;

/// <summary>
/// Opaque cursors: base64url of "v1|scope|sortKey|id". The scope names the list and its order, so a
/// cursor from another list or another order is refused instead of silently paging wrong.
/// </summary>
public static class CursorCodec
{
    public static string Encode(string scope, string sortKey, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"v1|{scope}|{sortKey}|{id}"));

    public static (string SortKey, string Id) Decode(string cursor, string scope, string argument)
    {
        string text;
        try
        {
            text = cursor.Length <= 1024
                ? new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(cursor))
                : throw ApiErrors.BadInput("Cursor too long.", argument);
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            throw ApiErrors.BadInput("Malformed cursor.", argument);
        }

        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != "v1")
        {
            throw ApiErrors.BadInput("Malformed cursor.", argument);
        }

        if (parts[1] != scope)
        {
            throw ApiErrors.BadInput("This cursor belongs to another list or another order.", argument);
        }

        return (parts[2], parts[3]);
    }
}
