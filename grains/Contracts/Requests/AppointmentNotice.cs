namespace Actors.Contracts.Requests;

/// <summary>Why the request's appointment changed without the citizen asking: the center moved or cancelled it.</summary>
[GenerateSerializer, Immutable]
public sealed record AppointmentNotice(
    [property: Id(0)] AppointmentNoticeKind Kind,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] Appointment? Previous);
