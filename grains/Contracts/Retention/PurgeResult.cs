namespace Actors.Contracts.Retention;

/// <summary>The outcome of a purge request, and when the request is due when it is not yet.</summary>
[GenerateSerializer, Immutable]
public sealed record PurgeResult([property: Id(0)] PurgeOutcome Outcome, [property: Id(1)] DateTimeOffset? DueAt = null);
