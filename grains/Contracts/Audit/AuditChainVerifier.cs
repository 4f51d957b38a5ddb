using System.Globalization;

namespace Actors.Contracts.Audit;

/// <summary>
/// Walks the chain from its first entry: each entry must come next in sequence, name the previous entry's hash and
/// carry the hash of its own content. An entry changed, removed or inserted shows as the first link that fails.
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<AuditVerification> VerifyAsync(IAuditTrail trail, int batchSize = 1_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var previousHash = AuditChain.Genesis;
        var last = 0L;
        while (true)
        {
            var batch = await trail.ReadChainAsync(last, batchSize, cancellationToken);
            foreach (var entry in batch)
            {
                if (Check(entry, last + 1, previousHash) is { } broken)
                {
                    return new AuditVerification(last, broken);
                }

                previousHash = entry.Hash;
                last = entry.Sequence;
            }

            if (batch.Count < batchSize)
            {
                return new AuditVerification(last, null);
            }
        }
    }

    /// <summary>The same walk over entries already in hand, in the chain's order (an export, a backup being restored).</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var previousHash = AuditChain.Genesis;
        var last = 0L;
        foreach (var entry in chain)
        {
            if (Check(entry, last + 1, previousHash) is { } broken)
            {
                return new AuditVerification(last, broken);
            }

            previousHash = entry.Hash;
            last = entry.Sequence;
        }

        return new AuditVerification(last, null);
    }

    /// <summary>The break an entry makes as the one expected at <paramref name="sequence"/>, or null when it holds.</summary>
    public static AuditChainBreak? Check(AuditEntry entry, long sequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Sequence != sequence)
        {
            return new AuditChainBreak(sequence, "sequence", sequence.ToString(CultureInfo.InvariantCulture), entry.Sequence.ToString(CultureInfo.InvariantCulture));
        }

        if (entry.PreviousHash != previousHash)
        {
            return new AuditChainBreak(sequence, "previousHash", previousHash, entry.PreviousHash);
        }

        var expected = AuditChain.HashOf(entry.Id, entry.Sequence, entry.Record, entry.PreviousHash);
        return entry.Hash == expected ? null : new AuditChainBreak(sequence, "hash", expected, entry.Hash);
    }
}
