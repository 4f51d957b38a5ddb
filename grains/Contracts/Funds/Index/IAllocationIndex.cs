using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Funds.Index;

/// <summary>
/// The read model behind <c>fund.allocations(...)</c>, fed by the fund grains' AllocationChanged outbox events: a
/// keyset index of allocations and their sums, in memory in embedded mode, a PostgreSQL table in cluster mode.
/// </summary>
public interface IAllocationIndex : IKeysetIndex<AllocationIndexEntry, AllocationFilter, AllocationOrder>
{
    /// <summary>The fund's use: the filtered allocations summed, grouped by the given dimensions (none: no groups).</summary>
    Task<AllocationSums> SumAsync(AllocationFilter filter, IReadOnlyList<AllocationDimension> groupBy, CancellationToken cancellationToken = default);
}
