namespace Actors.Contracts.Funds.Index;

/// <summary>One fund year; the other conditions are ANDed, an empty or null list meaning "any".</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationFilter(
    [property: Id(0)] int Year,
    [property: Id(1)] IReadOnlyList<FundProgrammeCode>? Programmes = null,
    [property: Id(2)] IReadOnlyList<string>? Governorates = null,
    [property: Id(3)] IReadOnlyList<string>? MunicipalityCodes = null,
    [property: Id(4)] IReadOnlyList<AllocationStatus>? Statuses = null);
