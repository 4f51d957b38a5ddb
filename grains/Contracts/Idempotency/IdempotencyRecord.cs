namespace Actors.Contracts.Idempotency;

/// <summary>What a (caller, idempotency key) pair was used for: the operation, a fingerprint of its input, its result's id, when.</summary>
[GenerateSerializer, Immutable]
public sealed record IdempotencyRecord(
    [property: Id(0)] string Operation,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] Guid TargetId,
    [property: Id(3)] DateTimeOffset? RecordedAt = null);
