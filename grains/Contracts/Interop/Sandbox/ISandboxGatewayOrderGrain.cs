using Actors.Contracts.Interop.Payments;

namespace Actors.Contracts.Interop.Sandbox;

/// <summary>
/// One order at the sandbox payment gateway, keyed by our order id: what the hosted page shows and does, the
/// webhooks it owes us (kept until delivered, so a restart loses none), and its refunds. Reached from the silos
/// (registration, refunds) and from the API process that serves the hosted page. Card numbers never come here:
/// the page passes what the test card does and its last four digits.
/// </summary>
public interface ISandboxGatewayOrderGrain : IGrainWithStringKey
{
    /// <summary>Idempotent: the same order gets the same session; the same order id with other terms is refused (<c>order_mismatch</c>).</summary>
    Task<SandboxGatewayOrder> Register(GatewayOrder order);

    /// <summary>The order as its hosted page shows it, or null when the session token is not this order's.</summary>
    Task<SandboxGatewayOrder?> Open(string sessionToken);

    Task<SandboxCardResult> Pay(string sessionToken, SandboxCardAttempt attempt);

    /// <summary>The 3-D Secure step of a card that asked for it.</summary>
    Task<SandboxCardResult> Authenticate(string sessionToken, string oneTimeCode);

    /// <summary>Idempotent by refund id; refused (<see cref="GatewayRefusalException"/>) unless captured and within the captured amount.</summary>
    Task<GatewayRefund> Refund(GatewayRefundRequest refund);

    Task<GatewayRefund?> FindRefund(string refundId);
}
