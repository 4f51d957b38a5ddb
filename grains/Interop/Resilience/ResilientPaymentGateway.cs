using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Interop.Resilience;

/// <summary>
/// The payment gateway as the pathway gets it. Every call is retried: the gateway is idempotent by order id
/// (registering again gives the same session) and by refund id (refunding again gives the same refund), which is
/// what makes a retried refund safe. A refusal (<see cref="GatewayRefusalException"/>) passes through unchanged.
/// </summary>
public sealed class ResilientPaymentGateway([FromKeyedServices(OutsideSystemClients.Key)] IPaymentGateway client, OutsideSystemCalls calls) : IPaymentGateway
{
    public Task<GatewaySession> RegisterOrder(GatewayOrder order, CancellationToken cancellationToken = default) =>
        calls.Idempotent(OutsideSystem.PaymentGateway, nameof(RegisterOrder), ct => client.RegisterOrder(order, ct), cancellationToken);

    public Task<GatewayRefund> Refund(GatewayRefundRequest refund, CancellationToken cancellationToken = default) =>
        calls.Idempotent(OutsideSystem.PaymentGateway, nameof(Refund), ct => client.Refund(refund, ct), cancellationToken);

    public Task<GatewayRefund?> FindRefund(string refundId, CancellationToken cancellationToken = default) =>
        calls.Idempotent(OutsideSystem.PaymentGateway, nameof(FindRefund), ct => client.FindRefund(refundId, ct), cancellationToken);
}
