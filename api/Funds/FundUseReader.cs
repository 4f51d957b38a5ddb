using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Geography;
using Actors.Contracts.Identity;

namespace Actors.Api.Funds;

/// <summary>
/// Reads the fund's use for the query and the CSV export alike: who may, within which scope, and the projection's lag
/// (measured as progress measures it: the time of the question minus the index's asOf).
/// </summary>
public static class FundUseReader
{
    /// <summary>Analysts and fund managers see the whole country, a supervisor their governorate; every other role is refused.</summary>
    public static readonly ActorRole[] Readers = [ActorRole.Analyst, ActorRole.FundManager, ActorRole.Supervisor];

    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static async Task<FundUseReport> ReadAsync(
        IAllocationIndex index, FundLookup funds, TimeProvider clock, Actor actor, int year, FundUseWhere where,
        IReadOnlyList<AllocationDimension> groupBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(funds);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(where);
        if (!Readers.Contains(actor.Role))
        {
            throw ApiErrors.Forbidden("The fund's use is for analysts, fund managers and supervisors.");
        }

        if (year is < FirstYear or > LastYear)
        {
            throw ApiErrors.BadInput($"year must be between {FirstYear} and {LastYear}.", "year");
        }

        if (where.Governorate is { } named && Governorates.Find(named) is null)
        {
            throw ApiErrors.BadInput($"Unknown governorate code '{named}'.", "where.governorate");
        }

        var governorate = where.Governorate;
        if (actor.Role == ActorRole.Supervisor)
        {
            if (actor.Governorate is null || (governorate is not null && governorate != actor.Governorate))
            {
                throw ApiErrors.Forbidden("A supervisor sees the fund's use of their own governorate only.");
            }

            governorate = actor.Governorate;
        }

        if (await funds.Fund(year) is null)
        {
            throw ApiErrors.NotFound();
        }

        var dimensions = groupBy.Distinct().ToList();
        var filter = new AllocationFilter(year, where.Programme is { } programme ? [programme] : null, governorate is null ? null : [governorate]);

        // Asked before the read: an index that is up to date answers as of this instant or later, hence a lag of 0.
        var asked = clock.GetUtcNow();
        var sums = await index.SumAsync(filter, dimensions, cancellationToken);
        return new FundUseReport(year, sums.AsOf, Math.Max(0, (asked - sums.AsOf).TotalSeconds), sums.Totals, sums.Groups, dimensions);
    }
}
