using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Interop.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>
/// <see cref="IPaymentGateway"/> in the sandbox: orders and refunds are grains, so the silos that register and refund
/// and the API process that serves the hosted page see the same gateway. Each call first goes through the simulated
/// latency, outage and failure rate (<c>Sandboxes:PaymentGateway:*</c>), which fail it before the gateway does anything.
/// </summary>
public sealed class SandboxPaymentGateway(
    IGrainFactory grains,
    PaymentGatewaySandboxAddresses addresses,
    IServiceProvider services,
    IOptionsMonitor<PaymentGatewaySandboxOptions> options,
    TimeProvider clock) : IPaymentGateway
{
    public async Task<GatewaySession> RegisterOrder(GatewayOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        await Simulate(cancellationToken);

        // A gateway that cannot sign or reach us must say so now, not through webhooks that never arrive.
        _ = services.GetRequiredService<WebhookSignature>();
        _ = addresses.WebhookTarget();

        var registered = await grains.GetGrain<ISandboxGatewayOrderGrain>(order.OrderId).Register(order);
        return new GatewaySession(registered.OrderId, registered.SessionId, addresses.PayPage(registered.SessionId).ToString(), registered.ExpiresAt);
    }

    public async Task<GatewayRefund> Refund(GatewayRefundRequest refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        await Simulate(cancellationToken);
        return await grains.GetGrain<ISandboxGatewayRefundGrain>(refund.RefundId).Refund(refund);
    }

    public async Task<GatewayRefund?> FindRefund(string refundId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        await Simulate(cancellationToken);
        return await grains.GetGrain<ISandboxGatewayRefundGrain>(refundId).Find();
    }

    private async Task Simulate(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.LatencyMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(settings.LatencyMilliseconds), clock, cancellationToken);
        }

        if (settings.Outage)
        {
            throw new OutsideSystemUnavailableException(OutsideSystem.PaymentGateway, "outage");
        }

        if (settings.FailureRate > 0 && Random.Shared.NextDouble() < settings.FailureRate)
        {
            throw new OutsideSystemUnavailableException(OutsideSystem.PaymentGateway, "server-error");
        }
    }
}
