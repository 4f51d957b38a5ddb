namespace Actors.Contracts.Audit;

public enum AuditSortField
{
    /// <summary>The place in the chain, which is also the order in which entries were written.</summary>
    Sequence,
}
