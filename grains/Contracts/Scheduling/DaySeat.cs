using Actors.Contracts.Centers;

namespace Actors.Contracts.Scheduling;

/// <summary>One desk taken for one appointment, from the slot's start to its end.</summary>
[GenerateSerializer, Immutable]
public sealed record DaySeat(
    [property: Id(0)] string HoldId,
    [property: Id(1)] Guid RequestId,
    [property: Id(2)] SlotKey Slot,
    [property: Id(3)] DateTimeOffset EndsAt,
    [property: Id(4)] CenterService Service,
    [property: Id(5)] SeatStatus Status,
    [property: Id(6)] DateTimeOffset? ExpiresAt)
{
    public DateTimeOffset StartsAt => Slot.StartsAt;

    /// <summary>Does this seat take a desk at this instant?</summary>
    public bool Covers(DateTimeOffset instant) => StartsAt <= instant && instant < EndsAt;
}
