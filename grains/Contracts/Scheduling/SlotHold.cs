namespace Actors.Contracts.Scheduling;

/// <summary>What a request asks of a day schedule: this slot, for this request, under this hold id, for this long unconfirmed.</summary>
[GenerateSerializer, Immutable]
public sealed record SlotHold(
    [property: Id(0)] SlotKey Slot,
    [property: Id(1)] Guid RequestId,
    [property: Id(2)] string HoldId,
    [property: Id(3)] TimeSpan Lifetime);
