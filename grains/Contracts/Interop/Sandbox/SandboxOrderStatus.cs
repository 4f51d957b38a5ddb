namespace Actors.Contracts.Interop.Sandbox;

public enum SandboxOrderStatus
{
    /// <summary>Waiting for a card (also after the bank did not answer).</summary>
    Open,

    /// <summary>The card asked for 3-D Secure: the page asks for the one-time code.</summary>
    ChallengeRequired,

    /// <summary>Authorised and captured at once (two webhooks).</summary>
    Captured,

    Declined,
    Expired,

    /// <summary>Captured, then refunded in full.</summary>
    Refunded,
}
