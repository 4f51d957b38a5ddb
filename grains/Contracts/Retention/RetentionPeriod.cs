using Actors.Contracts.Requests;

namespace Actors.Contracts.Retention;

/// <summary>How long a request that reached <see cref="Status"/> keeps its personal data.</summary>
[GenerateSerializer, Immutable]
public sealed record RetentionPeriod([property: Id(0)] RequestStatus Status, [property: Id(1)] TimeSpan Period);
