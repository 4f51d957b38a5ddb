using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Pathway;
using Actors.Contracts.Requests.Payments;

namespace Actors.Grains.Pathway;

/// <summary>
/// Gives the fee back through the gateway, once: the refund id is fixed per payment, marked "requested"
/// before the call, and after a crash the gateway is asked whether it already took that refund before any
/// second attempt.
/// </summary>
public sealed class PathwayRefunds(IPaymentGateway gateway, ExchangeCalls calls, IGrainFactory grains)
{
    private const string Requested = "requested";
    private const string Done = "done";

    public async Task Refund(
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
            refund = await calls.Run(
                request,
                new ExchangePlan(OutsideSystem.PaymentGateway, why, ["payment.orderId", "payment.amount"], attempt, PathwayActors.Pathway.Describe()),
                ct => gateway.Refund(new GatewayRefundRequest(refundId, payment.OrderId, payment.AmountMillimes, payment.Currency), ct),
                _ => ("REFUNDED", null),
                commit,
                _ => state.Refunds[refundId] = Done);
        }
        else if (state.Refunds[refundId] != Done)
        {
            state.Refunds[refundId] = Done;
            await save();
        }

        await grains.GetGrain<ICitizenRequestGrain>(request.Id).RecordRefund(refund);
    }
}
