using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;

namespace Actors.SiloHosting.Embedded;

/// <summary>The allocation index of the embedded mode (see <see cref="InMemoryIndex{TEntry, TFilter, TOrder}"/>), with its sums.</summary>
public sealed class InMemoryAllocationIndex(TimeProvider clock)
    : InMemoryIndex<AllocationIndexEntry, AllocationFilter, AllocationOrder>(clock), IAllocationIndex
{
    /// <inheritdoc />
    public Task<AllocationSums> SumAsync(AllocationFilter filter, IReadOnlyList<AllocationDimension> groupBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(groupBy);
        var matching = Matching(filter);
        var byProgramme = groupBy.Contains(AllocationDimension.Programme);
        var byGovernorate = groupBy.Contains(AllocationDimension.Governorate);
        IReadOnlyList<AllocationSumGroup> groups = !byProgramme && !byGovernorate
            ? []
            : AllocationSums.Ordered(matching
                .GroupBy(e => (Programme: byProgramme ? e.Programme : (FundProgrammeCode?)null, Governorate: byGovernorate ? e.Governorate : null))
                .Select(g => new AllocationSumGroup(g.Key.Programme, g.Key.Governorate, AllocationFigures.Of(g.ToList()))));
        return Task.FromResult(new AllocationSums(groups, AllocationFigures.Of(matching), AsOf));
    }

    protected override AllocationIndexEntry Stored(AllocationIndexEntry entry) =>
        entry with { ProposedAt = entry.ProposedAt.ToUniversalTime(), UpdatedAt = entry.UpdatedAt.ToUniversalTime() };

    protected override bool Matches(AllocationFilter filter, AllocationIndexEntry entry) =>
        entry.Year == filter.Year
        && (filter.Programmes is not { Count: > 0 } || filter.Programmes.Contains(entry.Programme))
        && (filter.Governorates is not { Count: > 0 } || filter.Governorates.Contains(entry.Governorate))
        && (filter.MunicipalityCodes is not { Count: > 0 } || filter.MunicipalityCodes.Contains(entry.MunicipalityCode))
        && (filter.Statuses is not { Count: > 0 } || filter.Statuses.Contains(entry.Status));
}
