using Actors.Contracts.Funds.Index;

namespace Actors.SiloHosting.Embedded;

/// <summary>The allocation index of the embedded mode (see <see cref="InMemoryIndex{TEntry, TFilter, TOrder}"/>).</summary>
public sealed class InMemoryAllocationIndex(TimeProvider clock)
    : InMemoryIndex<AllocationIndexEntry, AllocationFilter, AllocationOrder>(clock), IAllocationIndex
{
    protected override AllocationIndexEntry Stored(AllocationIndexEntry entry) =>
        entry with { ProposedAt = entry.ProposedAt.ToUniversalTime(), UpdatedAt = entry.UpdatedAt.ToUniversalTime() };

    protected override bool Matches(AllocationFilter filter, AllocationIndexEntry entry) =>
        entry.Year == filter.Year
        && (filter.Programmes is not { Count: > 0 } || filter.Programmes.Contains(entry.Programme))
        && (filter.Governorates is not { Count: > 0 } || filter.Governorates.Contains(entry.Governorate))
        && (filter.MunicipalityCodes is not { Count: > 0 } || filter.MunicipalityCodes.Contains(entry.MunicipalityCode))
        && (filter.Statuses is not { Count: > 0 } || filter.Statuses.Contains(entry.Status));
}
