using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Audit;

/// <summary>
/// One sealed link of the audit trail: the record, its place in the chain (<see cref="Sequence"/>, from 1, without
/// gaps), the hash of the link before it and its own hash (<see cref="AuditChain.HashOf"/>). Never changed once written.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AuditEntry(
    [property: Id(0)] Guid Id,
    [property: Id(1)] long Sequence,
    [property: Id(2)] AuditRecord Record,
    [property: Id(3)] string PreviousHash,
    [property: Id(4)] string Hash) : IIndexEntry
{
    /// <summary>An entry never changes: its place in the chain stands for the read models' version.</summary>
    public long Version => Sequence;
}
