using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Funds.Index;

/// <summary>
/// The read model behind <c>fund.allocations(...)</c>, fed by the fund grains' AllocationChanged outbox events: a
/// keyset index of allocations, in memory in embedded mode, a PostgreSQL table in cluster mode.
/// </summary>
#pragma warning disable CA1040 // The named index of allocations: what hosts register and the API asks for.
public interface IAllocationIndex : IKeysetIndex<AllocationIndexEntry, AllocationFilter, AllocationOrder>;
#pragma warning restore CA1040
