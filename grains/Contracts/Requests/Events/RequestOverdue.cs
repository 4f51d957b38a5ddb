using Actors.Contracts.Outbox;

namespace Actors.Contracts.Requests.Events;

/// <summary>The request passed its status's service-level target (<see cref="DueAt"/>) and is flagged overdue by the clock.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestOverdue(
    [property: Id(0)] RequestStatus Status,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] string Actor,
    [property: Id(3)] long Version,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] CitizenRequestView Request) : IDomainEvent;
