using Actors.Contracts.Errors;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Identity;

namespace Actors.Grains.Funds;

/// <summary>
/// The idempotency keys used on one fund year, kept by <see cref="IdempotencyPolicy"/>: per caller,
/// the operation's input fingerprinted, a different input under a used key refused, and a key
/// forgotten once older than the policy's retention.
/// </summary>
internal sealed class IdempotencyLedger(Dictionary<string, IdempotencyRecord> records)
{
    /// <summary>The id the same caller's same input got with this key before, or null for a first use.</summary>
    public Guid? Replay<TInput>(DomainOperation operation, Actor actor, string? key, TInput input, DateTimeOffset now)
    {
        if (key is null)
        {
            return null;
        }

        if (!IdempotencyPolicy.IsWellFormed(key))
        {
            throw operation.Refuse(ErrorCodes.ValidationFailed, $"An idempotency key is {IdempotencyPolicy.KeyFormat}.", ("field", "idempotencyKey"));
        }

        if (!records.TryGetValue(IdempotencyPolicy.ScopeOf(actor, key), out var earlier) || IdempotencyPolicy.IsExpired(earlier, now))
        {
            return null;
        }

        return earlier.Fingerprint == IdempotencyPolicy.Fingerprint(operation.Name, input)
            ? earlier.TargetId
            : throw operation.Refuse(ErrorCodes.IdempotencyKeyReused, "This idempotency key was already used for a different input.",
                ("idempotencyKey", key));
    }

    /// <summary>Records a first use (in the same write as its result) and forgets the keys past retention.</summary>
    public void Remember<TInput>(DomainOperation operation, Actor actor, string? key, TInput input, Guid targetId, DateTimeOffset now)
    {
        if (key is null)
        {
            return;
        }

        foreach (var expired in records.Where(r => IdempotencyPolicy.IsExpired(r.Value, now)).Select(r => r.Key).ToList())
        {
            records.Remove(expired);
        }

        records[IdempotencyPolicy.ScopeOf(actor, key)] =
            new IdempotencyRecord(operation.Name, IdempotencyPolicy.Fingerprint(operation.Name, input), targetId, now);
    }
}
