using Actors.Contracts.Outbox;

namespace Actors.Contracts.Interop.Exchanges;

/// <summary>An exchange was made on a request's behalf; it reaches the exchange log through the outbox.</summary>
[GenerateSerializer, Immutable]
public sealed record ExchangeRecorded(
    [property: Id(0)] string Actor,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] ExchangeRecord Exchange) : IDomainEvent;
