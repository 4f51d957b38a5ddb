namespace Actors.Contracts.Interop.Payments;

/// <summary>
/// The card payment gateway. The citizen pays on the gateway's hosted page (we never see card data);
/// the gateway tells us the outcome through signed webhooks (<see cref="GatewayNotice"/>).
/// Registering an order is idempotent by order id; a refund is idempotent by refund id, and
/// <see cref="FindRefund"/> tells whether the gateway already took one (asked before a second attempt).
/// Throws <see cref="OutsideSystemUnavailableException"/> when the gateway cannot answer.
/// </summary>
public interface IPaymentGateway
{
    Task<GatewaySession> RegisterOrder(GatewayOrder order, CancellationToken cancellationToken = default);

    Task<GatewayRefund> Refund(GatewayRefundRequest refund, CancellationToken cancellationToken = default);

    Task<GatewayRefund?> FindRefund(string refundId, CancellationToken cancellationToken = default);
}
