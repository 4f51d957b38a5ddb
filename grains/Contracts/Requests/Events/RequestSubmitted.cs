using Actors.Contracts.Outbox;

namespace Actors.Contracts.Requests.Events;

/// <summary>
/// A request was submitted (version 1). It carries the request as submitted, so that read models
/// build their rows from the event alone, without calling the grain.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestSubmitted(
    [property: Id(0)] string Actor,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] CitizenRequestView Request) : IDomainEvent;
