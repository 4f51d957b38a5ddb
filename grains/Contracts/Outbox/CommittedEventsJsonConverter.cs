using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Contracts.Outbox;

/// <summary>
/// A stored state's latest events: written with the state when Orleans' ADO.NET provider writes it (the outbox trigger
/// of the same write copies them; the default storage passes them as outbox rows instead, migration 0016); read back as
/// none. Once the write has committed they are in the outbox, and consumers read them there; a state
/// read from storage (an activation, a write's restore) would only carry them until its next step replaces them. Each
/// of a request's events holds a snapshot of the whole request, so skipping them spares every activation that copy.
/// </summary>
public sealed class CommittedEventsJsonConverter : JsonConverter<List<OutboxEvent>>
{
    public override List<OutboxEvent> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.Skip();
        return [];
    }

    // The list as the options write it: this converter is on the property, not in the options, so it is not reentered.
    public override void Write(Utf8JsonWriter writer, List<OutboxEvent> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
