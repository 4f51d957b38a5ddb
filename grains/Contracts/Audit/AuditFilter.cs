namespace Actors.Contracts.Audit;

/// <summary>
/// Which audit entries to list; the conditions are ANDed, null meaning "any". <see cref="ObjectId"/> matches an entry
/// that touched that object among others; <see cref="Governorate"/> is the caller's scope (a supervisor's), not a
/// client's choice. The window of time is [<see cref="From"/>, <see cref="To"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AuditFilter(
    [property: Id(0)] string? ObjectId = null,
    [property: Id(1)] string? Subject = null,
    [property: Id(2)] string? Operation = null,
    [property: Id(3)] DateTimeOffset? From = null,
    [property: Id(4)] DateTimeOffset? To = null,
    [property: Id(5)] string? Governorate = null);
