using Actors.Contracts.Interop.Payments;

namespace Actors.Contracts.Requests.Payments;

/// <summary>One change of a payment, as the gateway told it (message id) or as we did (refund, expiry).</summary>
[GenerateSerializer, Immutable]
public sealed record PaymentEvent(
    [property: Id(0)] string MessageId,
    [property: Id(1)] GatewayNoticeKind Kind,
    [property: Id(2)] PaymentStatus StatusAfter,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? Note);
