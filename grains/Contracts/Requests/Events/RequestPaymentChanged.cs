using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Payments;

namespace Actors.Contracts.Requests.Events;

/// <summary>A payment of the request was started or changed (gateway webhook, refund) without changing the request's status.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestPaymentChanged(
    [property: Id(0)] Payment Payment,
    [property: Id(1)] string Actor,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] CitizenRequestView Request) : IDomainEvent;
