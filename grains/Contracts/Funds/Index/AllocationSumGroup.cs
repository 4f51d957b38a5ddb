namespace Actors.Contracts.Funds.Index;

/// <summary>One group of the fund's use: its programme and governorate (null when not grouped by it) and its figures.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationSumGroup(
    [property: Id(0)] FundProgrammeCode? Programme,
    [property: Id(1)] string? Governorate,
    [property: Id(2)] AllocationFigures Figures);
