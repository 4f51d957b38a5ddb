using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;

namespace Actors.Contracts.Retention.Events;

/// <summary>
/// A final request's retention period ended and its personal data was removed. It carries the request as it is now
/// (the tombstone), so that the request index replaces its document: no copy of the personal data stays behind.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestPurged(
    [property: Id(0)] RequestStatus Status,
    [property: Id(1)] DateTimeOffset FinalAt,
    [property: Id(2)] string Actor,
    [property: Id(3)] long Version,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] CitizenRequestView Request) : IDomainEvent;
