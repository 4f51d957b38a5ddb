using Actors.Contracts.Outbox;

namespace Actors.Contracts.Requests.Events;

/// <summary>
/// A step changed the request's appointment (booked, moved, cancelled, not attended). Committed with the step,
/// so that its consumer confirms the current seat and frees the previous one even if the silo stopped right
/// after the commit (<see cref="Scheduling.AppointmentSeats"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestAppointmentChanged(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] Appointment? Previous,
    [property: Id(2)] Appointment? Current,
    [property: Id(3)] string Actor,
    [property: Id(4)] long Version,
    [property: Id(5)] DateTimeOffset At) : IDomainEvent;
