using Actors.Contracts.Interop;
using Actors.Contracts.Outbox;

namespace Actors.Contracts.Requests.Events;

/// <summary>The request started (or stopped) waiting on an outside system that did not answer.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestPendingChanged(
    [property: Id(0)] OutsideSystem? PendingOn,
    [property: Id(1)] string Actor,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] CitizenRequestView Request) : IDomainEvent;
