namespace Actors.Contracts.Scheduling;

/// <summary>
/// The answer to a hold: the seat (with the slot as it is now, this seat counted), or why not. On a retry of a
/// hold id <see cref="Slot"/> is the slot that hold id already has, which may differ from the one asked.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HoldOutcome(
    [property: Id(0)] HoldResult Result,
    [property: Id(1)] AppointmentSlot? Slot,
    [property: Id(2)] string? Why = null);
