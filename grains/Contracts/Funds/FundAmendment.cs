namespace Actors.Contracts.Funds;

/// <summary>
/// An audited change of appropriations: moves an amount from a programme (or the unprogrammed
/// remainder, when From is null) to another programme (or back to unprogrammed, when To is null).
/// The fund's total appropriation never changes, so appropriation = programmed + unprogrammed holds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FundAmendment(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Year,
    [property: Id(2)] FundProgrammeCode? From,
    [property: Id(3)] FundProgrammeCode? To,
    [property: Id(4)] long AmountMillimes,
    [property: Id(5)] AmendmentStatus Status,
    [property: Id(6)] string Reason,
    [property: Id(7)] string ProposerSubject,
    [property: Id(8)] string ProposedBy,
    [property: Id(9)] DateTimeOffset ProposedAt,
    [property: Id(10)] string? DecidedBy,
    [property: Id(11)] DateTimeOffset? DecidedAt,
    [property: Id(12)] string? DecisionReason,
    [property: Id(13)] long Version);
