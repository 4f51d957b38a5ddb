using Actors.Contracts.Interop.Payments;

namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>The refund asked for (kept before the order is asked, so a crash in between is found again) and, once taken, the refund.</summary>
[GenerateSerializer]
public sealed class SandboxGatewayRefundState
{
    [Id(0)] public GatewayRefundRequest? Request { get; set; }
    [Id(1)] public GatewayRefund? Refund { get; set; }
}
