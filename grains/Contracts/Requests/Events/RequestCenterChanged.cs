using Actors.Contracts.Outbox;

namespace Actors.Contracts.Requests.Events;

/// <summary>The request moved to another center of its governorate, with the citizen's consent.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestCenterChanged(
    [property: Id(0)] string FromCenterId,
    [property: Id(1)] string ToCenterId,
    [property: Id(2)] string Actor,
    [property: Id(3)] long Version,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] CitizenRequestView Request) : IDomainEvent;
