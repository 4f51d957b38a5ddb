using Actors.Contracts.Interop.Payments;

namespace Actors.Contracts.Requests.Payments;

/// <summary>
/// The payment state machine, in one table: CREATED → AUTHORISED → CAPTURED, DECLINED, EXPIRED, and
/// CAPTURED → REFUNDED. Gateways deliver webhooks in any order: a capture may arrive before its
/// authorisation, so CAPTURED is reachable from CREATED, and a late AUTHORISED after CAPTURED changes nothing.
/// </summary>
public static class PaymentTransitions
{
    private static readonly Dictionary<GatewayNoticeKind, (PaymentStatus[] From, PaymentStatus To)> Rows = new()
    {
        [GatewayNoticeKind.Authorised] = ([PaymentStatus.Created], PaymentStatus.Authorised),
        [GatewayNoticeKind.Captured] = ([PaymentStatus.Created, PaymentStatus.Authorised], PaymentStatus.Captured),
        [GatewayNoticeKind.Declined] = ([PaymentStatus.Created, PaymentStatus.Authorised], PaymentStatus.Declined),
        [GatewayNoticeKind.Expired] = ([PaymentStatus.Created, PaymentStatus.Authorised], PaymentStatus.Expired),
        [GatewayNoticeKind.Refunded] = ([PaymentStatus.Captured], PaymentStatus.Refunded),
    };

    /// <summary>The status a notice leads to from <paramref name="from"/>, or null if it changes nothing.</summary>
    public static PaymentStatus? Next(PaymentStatus from, GatewayNoticeKind kind) =>
        Rows.TryGetValue(kind, out var row) && row.From.Contains(from) ? row.To : null;
}
