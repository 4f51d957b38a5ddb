using Actors.Contracts.Audit;

namespace Actors.Persistence.Audit;

/// <summary>The last entry of the audit chain: its sequence and hash, what the next entry is sealed after.</summary>
internal sealed record ChainTail(long Sequence, string Hash)
{
    public static ChainTail Of(AuditEntry entry) => new(entry.Sequence, entry.Hash);
}
