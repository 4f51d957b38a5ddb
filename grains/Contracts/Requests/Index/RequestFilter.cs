namespace Actors.Contracts.Requests.Index;

/// <summary>All conditions are ANDed; an empty or null list means "any". <see cref="SchoolCode"/>: only pupils of that school.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestFilter(
    [property: Id(0)] IReadOnlyList<RequestKind>? Kinds = null,
    [property: Id(1)] IReadOnlyList<RequestStatus>? Statuses = null,
    [property: Id(2)] IReadOnlyList<string>? Governorates = null,
    [property: Id(3)] IReadOnlyList<string>? CenterIds = null,
    [property: Id(4)] string? OwnerSubject = null,
    [property: Id(5)] DateTimeOffset? SubmittedFrom = null,
    [property: Id(6)] DateTimeOffset? SubmittedBefore = null,
    [property: Id(7)] bool? IsPupil = null,
    [property: Id(8)] bool? Overdue = null,
    [property: Id(9)] bool? Escalated = null,
    [property: Id(10)] string? SchoolCode = null);
