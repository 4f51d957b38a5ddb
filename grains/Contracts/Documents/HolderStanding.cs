namespace Actors.Contracts.Documents;

/// <summary>After a document is recorded for its holder: the older ones it supersedes, or the newer one that supersedes it.</summary>
[GenerateSerializer, Immutable]
public sealed record HolderStanding(
    [property: Id(0)] IReadOnlyList<string> Older,
    [property: Id(1)] string? Newest);
