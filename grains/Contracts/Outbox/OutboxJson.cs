using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Contracts.Outbox;

/// <summary>The one JSON shape of outbox payloads: camelCase, enums as strings, so SQL can read them too.</summary>
public static class OutboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string Serialize(object value, Type type) => JsonSerializer.Serialize(value, type, Options);

    public static byte[] SerializeToUtf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static byte[] SerializeToUtf8(object value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, Options);

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new JsonException($"Empty {typeof(T).Name} payload.");

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty {typeof(T).Name} payload.");
}
