namespace Actors.Contracts.Interop.Sandbox;

public enum SandboxCardOutcome
{
    Captured,
    Declined,
    ChallengeRequired,

    /// <summary>The bank did not answer in time; nothing changed and the order may be paid again.</summary>
    BankTimeout,

    /// <summary>The order is no longer payable (paid, declined, expired) or the step does not apply now.</summary>
    NotPayable,

    /// <summary>The session token is not this order's (or there is no such order).</summary>
    UnknownSession,
}
