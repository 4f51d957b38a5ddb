using Actors.Contracts.Identity;

namespace Actors.Contracts.Requests.Payments;

/// <summary>
/// Starts online payments: opens the payment on the request, registers the order at the gateway (an
/// outside call, so not inside the request grain's turn) and records the hosted page's address.
/// A retry with the same idempotency key gets the same payment.
/// </summary>
public interface IPaymentDeskGrain : IGrainWithIntegerKey
{
    Task<PaymentStart> Start(Actor actor, Guid requestId, string? idempotencyKey);
}
