using Actors.Contracts.Funds.Index;

namespace Actors.Api.Funds;

/// <summary>One answer of fundUse, the same for the query and the CSV export.</summary>
public sealed record FundUseReport(
    int Year,
    DateTimeOffset AsOf,
    double ProjectionLagSeconds,
    AllocationFigures Totals,
    IReadOnlyList<AllocationSumGroup> Groups,
    IReadOnlyList<AllocationDimension> Dimensions);
