namespace Actors.Contracts.Interop.Sandbox;

/// <summary>What a test card does at the sandbox's bank (the documented card numbers are in docs/sandboxes.md).</summary>
public enum SandboxCard
{
    Approved,
    DeclinedDoNotHonor,
    DeclinedInsufficientFunds,

    /// <summary>3-D Secure: the one-time code <c>123456</c> succeeds, any other declines (<c>authentication_failed</c>).</summary>
    ChallengeRequired,

    /// <summary>The bank does not answer: the page says so after a delay, the order stays payable.</summary>
    BankTimeout,

    /// <summary>A valid number that is not a test card: declined (<c>test_card_required</c>), so no real card is ever taken for one.</summary>
    NotATestCard,
}
