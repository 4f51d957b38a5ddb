namespace Actors.Contracts.Funds.Events;

/// <summary>The amendment was rejected (with a reason); nothing moved.</summary>
public sealed record AmendmentRejected(
    string Actor,
    long Version,
    DateTimeOffset At,
    FundAmendment Amendment) : IAmendmentEvent;
