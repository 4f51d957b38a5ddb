namespace Actors.Contracts.Requests;

[GenerateSerializer, Immutable]
public sealed record Appointment(
    [property: Id(0)] string CenterId,
    [property: Id(1)] DateTimeOffset At);
