using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Naming;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>
/// <see cref="IPaymentGateway"/> in the sandbox: orders and refunds are grains, so the silos that register and refund
/// and the API process that serves the hosted page see the same gateway. Each call first goes through every sandbox's
/// latency, faults and outage (<see cref="SandboxBehaviour"/>, <c>Sandboxes:PaymentGateway:*</c>), which fail it before
/// the gateway does anything. The pathway gets it wrapped in <c>ResilientPaymentGateway</c>.
/// </summary>
public sealed class SandboxPaymentGateway(
    IGrainFactory grains,
    PaymentGatewaySandboxAddresses addresses,
    IServiceProvider services,
    SandboxBehaviour behaviour) : IPaymentGateway
{
    public async Task<GatewaySession> RegisterOrder(GatewayOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        await behaviour.Answer(OutsideSystem.PaymentGateway, SandboxFault.None, cancellationToken);

        // A gateway that cannot sign or reach us must say so now, not through webhooks that never arrive.
        _ = services.GetRequiredService<WebhookSignature>();
        _ = addresses.WebhookTarget();

        var registered = await grains.Reference<ISandboxGatewayOrderGrain>(order.OrderId).Register(order);
        return new GatewaySession(registered.OrderId, registered.SessionId, addresses.PayPage(registered.SessionId).ToString(), registered.ExpiresAt);
    }

    public async Task<GatewayRefund> Refund(GatewayRefundRequest refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        await behaviour.Answer(OutsideSystem.PaymentGateway, SandboxFault.None, cancellationToken);
        return await grains.Reference<ISandboxGatewayRefundGrain>(refund.RefundId).Refund(refund);
    }

    public async Task<GatewayRefund?> FindRefund(string refundId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        await behaviour.Answer(OutsideSystem.PaymentGateway, SandboxFault.None, cancellationToken);
        return await grains.Reference<ISandboxGatewayRefundGrain>(refundId).Find();
    }
}
