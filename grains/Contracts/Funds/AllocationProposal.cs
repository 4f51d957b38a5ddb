namespace Actors.Contracts.Funds;

/// <summary>Input of allocateFunds: the programme, the municipality, a positive amount in integer millimes, why.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationProposal(
    [property: Id(0)] FundProgrammeCode Programme,
    [property: Id(1)] string MunicipalityCode,
    [property: Id(2)] long AmountMillimes,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string? IdempotencyKey);
