namespace Actors.Contracts.Funds.Index;

/// <summary>
/// The allocation index summed: the groups that have at least one allocation, in programme order (as declared) then
/// governorate code (ordinal), and the totals of everything the filter selects, as of <see cref="AsOf"/>. The totals are
/// counted apart, not added up from the groups: a municipality with allocations in two programmes is one municipality.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AllocationSums(
    [property: Id(0)] IReadOnlyList<AllocationSumGroup> Groups,
    [property: Id(1)] AllocationFigures Totals,
    [property: Id(2)] DateTimeOffset AsOf)
{
    /// <summary>The groups in the order both implementations answer in.</summary>
    public static IReadOnlyList<AllocationSumGroup> Ordered(IEnumerable<AllocationSumGroup> groups) =>
        groups.OrderBy(g => g.Programme.HasValue ? (int)g.Programme.Value : -1)
            .ThenBy(g => g.Governorate, StringComparer.Ordinal)
            .ToList();
}
