using System.Globalization;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;

namespace Actors.Api.Funds;

/// <summary>
/// Global ids of objects held by a fund year: the key is "year:guid", so that an id alone finds its
/// fund grain. Still opaque to clients (base64url, type-tagged, see <see cref="GlobalId"/>).
/// </summary>
public static class FundIds
{
    public static string Encode(string typeName, int year, Guid id) =>
        GlobalId.Encode(typeName, Key(year, id));

    public static string Key(int year, Guid id) => string.Create(CultureInfo.InvariantCulture, $"{year}:{id:N}");

    /// <summary>Decodes an id of the expected type; anything else is BAD_USER_INPUT.</summary>
    public static (int Year, Guid Id) Decode(string? id, string typeName, string field) =>
        TryParseKey(GlobalId.DecodeKey(id, typeName, field), out var year, out var guid)
            ? (year, guid)
            : throw ApiErrors.BadInput("Malformed id.", field);

    public static bool TryParseKey(string key, out int year, out Guid id)
    {
        id = Guid.Empty;
        year = 0;
        var parts = key.Split(':');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out year)
               && Guid.TryParseExact(parts[1], "N", out id);
    }
}
