using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.SignedDocuments;

/// <summary>
/// Writes instants as "yyyy-MM-ddTHH:mm:ssZ": UTC, whole seconds (document times have no fractions), a form every
/// JavaScript Date parses. Reads any ISO 8601 instant with an offset.
/// </summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : throw new JsonException($"\"{text}\" is not an ISO 8601 instant.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
