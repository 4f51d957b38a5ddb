namespace Actors.Contracts.Requests.Clocks;

/// <summary>The next threshold of a request's clock.</summary>
[GenerateSerializer, Immutable]
public sealed record ClockDeadline([property: Id(0)] ClockDeadlineKind Kind, [property: Id(1)] DateTimeOffset At);
