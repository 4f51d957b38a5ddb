using Actors.Contracts.Centers;

namespace Actors.Contracts.Requests;

/// <summary>
/// The request's one active appointment: a slot at a center, held on the center's day schedule under
/// <see cref="HoldId"/> (the same id confirms, and later releases, that seat).
/// Appointments stored before slots existed have only <see cref="CenterId"/> and <see cref="At"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Appointment(
    [property: Id(0)] string CenterId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] DateTimeOffset? EndsAt = null,
    [property: Id(3)] CenterService? Service = null,
    [property: Id(4)] string? HoldId = null,
    [property: Id(5)] string? IdempotencyKey = null,
    [property: Id(6)] string? BookedBy = null,
    [property: Id(7)] DateTimeOffset? BookedAt = null);
