using Actors.Contracts.Outbox;

namespace Actors.Contracts.Requests.Events;

/// <summary>
/// A step moved a request from one status to another. It carries the request as it is after the
/// step, so that read models and live subscribers need no grain call.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestStatusChanged(
    [property: Id(0)] RequestStatus From,
    [property: Id(1)] RequestStatus To,
    [property: Id(2)] RequestAction Action,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string Actor,
    [property: Id(5)] long Version,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] CitizenRequestView Request) : IDomainEvent;
