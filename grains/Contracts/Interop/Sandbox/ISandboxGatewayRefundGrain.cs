using Actors.Contracts.Interop.Payments;

namespace Actors.Contracts.Interop.Sandbox;

/// <summary>
/// A refund at the sandbox gateway, keyed by refund id: what lets <see cref="IPaymentGateway.FindRefund"/> answer
/// from the refund id alone. The order's grain holds the refund itself; this one remembers which order it was for.
/// </summary>
public interface ISandboxGatewayRefundGrain : IGrainWithStringKey
{
    Task<GatewayRefund> Refund(GatewayRefundRequest refund);

    Task<GatewayRefund?> Find();
}
