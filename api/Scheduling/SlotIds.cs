using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Scheduling;

namespace Actors.Api.Scheduling;

/// <summary>A slot's opaque id wraps its <see cref="SlotKey"/>: an id read from availableSlots books exactly that slot.</summary>
public static class SlotIds
{
    public static string Encode(SlotKey key) => GlobalId.Encode(AppointmentSlotType.TypeName, key.ToString());

    /// <summary>The slot an id names, or BAD_USER_INPUT on <paramref name="field"/>.</summary>
    public static SlotKey Decode(string? id, string field) =>
        GlobalId.TryDecode(id, out var type, out var key) && type == AppointmentSlotType.TypeName && SlotKey.TryParse(key, out var slot)
            ? slot!
            : throw ApiErrors.BadInput($"{field} is not the id of an AppointmentSlot.", field);
}
