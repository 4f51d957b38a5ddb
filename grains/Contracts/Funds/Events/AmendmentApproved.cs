namespace Actors.Contracts.Funds.Events;

/// <summary>Another fund manager approved the amendment: the appropriations moved.</summary>
public sealed record AmendmentApproved(
    string Actor,
    long Version,
    DateTimeOffset At,
    FundAmendment Amendment) : IAmendmentEvent;
