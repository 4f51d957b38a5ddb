using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Pathway;
using Actors.Contracts.Requests.Payments;
using Orleans.Concurrency;

namespace Actors.Grains.Pathway;

/// <summary>
/// Starts online payments. The request grain opens the payment (its rules, its idempotency key); this
/// stateless worker then registers the order at the gateway, an outside call kept out of the request's turn,
/// and hands the hosted page's address back to the request. If the gateway does not answer, the payment
/// stays open without an address and the same call (same key) registers it again: registering is
/// idempotent by order id.
/// </summary>
[StatelessWorker]
public sealed class PaymentDeskGrain(IPaymentGateway gateway, ExchangeCalls calls) : Grain, IPaymentDeskGrain
{
    public async Task<PaymentStart> Start(Actor actor, Guid requestId, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = GrainFactory.Reference<ICitizenRequestGrain>(requestId);
        var payment = await request.OpenPayment(actor, idempotencyKey);
        if (payment.RedirectUrl is null && payment.IsOpen)
        {
            var view = await request.Find(PathwayActors.Pathway) ?? throw new DomainException(DomainError.NotFound());
            var pathway = GrainFactory.Reference<IRequestPathwayGrain>(requestId);
            var order = new GatewayOrder(payment.OrderId, payment.AmountMillimes, payment.Currency, $"Droit de timbre · demande {view.Reference}", payment.ExpiresAt, ReturnUrl: null);
            try
            {
                var session = await calls.Run(
                    view,
                    new ExchangePlan(OutsideSystem.PaymentGateway, "Register the fee's order for online payment",
                        ["payment.orderId", "payment.amount", "request.reference"], 1, actor.Describe()),
                    ct => gateway.RegisterOrder(order, ct),
                    _ => ("REGISTERED", null),
                    pathway.RecordExchange);
                payment = await request.AttachPaymentSession(session);
            }
            catch (OutsideSystemUnavailableException unavailable)
            {
                throw RequestOperations.StartPayment.Refuse(
                    ErrorCodes.PaymentGatewayUnavailable,
                    "The payment gateway did not answer; try again in a moment with the same idempotency key.",
                    ("reason", unavailable.Reason));
            }
        }

        var after = await request.Find(PathwayActors.Pathway) ?? throw new DomainException(DomainError.NotFound());
        return new PaymentStart(payment, after);
    }
}
