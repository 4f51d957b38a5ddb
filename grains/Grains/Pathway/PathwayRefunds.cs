using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Pathway;
using Actors.Contracts.Requests.Payments;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Pathway;

/// <summary>
/// Gives the fee back through the gateway, once: the refund id is fixed per payment, marked "requested"
/// before the call, and after a crash the gateway is asked whether it already took that refund before any
/// second attempt. A refund the gateway refuses for good is marked so and left to a person (logged as an error).
/// </summary>
public sealed class PathwayRefunds(IPaymentGateway gateway, ExchangeCalls calls, IGrainFactory grains, ILogger<PathwayRefunds> logger)
{
    private const string Requested = "requested";
    private const string Done = "done";
    private const string Refused = "refused";

    /// <summary>Whether the gateway refused this payment's refund for good: a person must look at it, the pathway stops asking.</summary>
    public static bool WasRefused(RequestPathwayState state, Payment payment)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(payment);
        return state.Refunds.TryGetValue(PaymentIds.RefundId(payment.OrderId), out var mark) && mark == Refused;
    }

    /// <summary>Refunds the payment; false when the gateway refused it for good (nothing was given back).</summary>
    public async Task<bool> Refund(
        CitizenRequestView request, Payment payment, RequestPathwayState state, Func<ExchangeRecord, Task> commit, Func<Task> save)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(save);
        var refundId = PaymentIds.RefundId(payment.OrderId);
        var why = request.Status is RequestStatus.Rejected or RequestStatus.Cancelled
            ? $"Refund the fee of a request {Contracts.Naming.SchemaText.Of(request.Status)}"
            : "Refund a payment that did not pay the request (paid already, or too late)";
        var attempt = state.FailuresInARow + 1;
        GatewayRefund? refund = null;
        if (state.Refunds.ContainsKey(refundId))
        {
            refund = await calls.Run(
                request,
                new ExchangePlan(OutsideSystem.PaymentGateway, "Ask whether a refund was already taken", ["payment.refundId"], attempt, PathwayActors.Pathway.Describe()),
                ct => gateway.FindRefund(refundId, ct),
                r => (r is null ? "NOT_FOUND" : "FOUND", null),
                commit);
        }

        if (refund is null)
        {
            state.Refunds[refundId] = Requested;
            await save();
            try
            {
                refund = await calls.Run(
                    request,
                    new ExchangePlan(OutsideSystem.PaymentGateway, why, ["payment.orderId", "payment.amount"], attempt, PathwayActors.Pathway.Describe()),
                    ct => gateway.Refund(new GatewayRefundRequest(refundId, payment.OrderId, payment.AmountMillimes, payment.Currency), ct),
                    _ => ("REFUNDED", null),
                    commit,
                    _ => state.Refunds[refundId] = Done);
            }
            catch (GatewayRefusalException refused)
            {
                // Asking again gets the same no (the exchange log shows it as REFUSED with the gateway's code).
                logger.LogError("The gateway refused refund {RefundId} of request {Reference} ({Code}): a person must settle it.",
                    refundId, request.Reference, refused.Code);
                state.Refunds[refundId] = Refused;
                await save();
                return false;
            }
        }
        else if (state.Refunds[refundId] != Done)
        {
            state.Refunds[refundId] = Done;
            await save();
        }

        await grains.Reference<ICitizenRequestGrain>(request.Id).RecordRefund(refund);
        return true;
    }
}
