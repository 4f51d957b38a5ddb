using Actors.Contracts.Outbox;

namespace Actors.Contracts.Requests.Events;

/// <summary>An overdue request passed the second threshold and is escalated to its governorate's supervisors.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestEscalated(
    [property: Id(0)] RequestStatus Status,
    [property: Id(1)] DateTimeOffset OverdueSince,
    [property: Id(2)] string Actor,
    [property: Id(3)] long Version,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] CitizenRequestView Request) : IDomainEvent;
