namespace Actors.Contracts.Funds.Index;

/// <summary>
/// The read model behind <c>fund.allocations(...)</c>, fed by the fund grains' AllocationChanged
/// outbox events: in memory in embedded mode, a PostgreSQL table in cluster mode.
/// </summary>
public interface IAllocationIndex
{
    /// <summary>Upserts entries; an entry older than (or as old as) the stored one changes nothing.</summary>
    Task ApplyAsync(IReadOnlyList<AllocationIndexEntry> entries, CancellationToken cancellationToken = default);

    Task<AllocationIndexPage> QueryAsync(AllocationIndexQuery query, CancellationToken cancellationToken = default);
}
