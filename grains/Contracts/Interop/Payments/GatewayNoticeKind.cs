namespace Actors.Contracts.Interop.Payments;

/// <summary>Webhook event types, as the gateway spells them on the wire: <c>payment.authorised</c>, <c>payment.captured</c>, ...</summary>
public enum GatewayNoticeKind
{
    Authorised,
    Captured,
    Declined,
    Expired,
    Refunded,
}
