namespace Actors.Contracts.Funds.Events;

/// <summary>A fund manager proposed moving appropriation between lines.</summary>
public sealed record AmendmentProposed(
    string Actor,
    long Version,
    DateTimeOffset At,
    FundAmendment Amendment) : IAmendmentEvent;
