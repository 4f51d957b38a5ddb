namespace Actors.Contracts.Funds;

/// <summary>Move an amount between programmes or between a programme and the unprogrammed remainder (null).</summary>
[GenerateSerializer, Immutable]
public sealed record AmendmentProposal(
    [property: Id(0)] FundProgrammeCode? From,
    [property: Id(1)] FundProgrammeCode? To,
    [property: Id(2)] long AmountMillimes,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string? IdempotencyKey);
