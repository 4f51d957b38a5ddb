namespace Actors.Contracts.Interop.Payments;

/// <summary>An order to pay: our order id (unique, see <c>PaymentIds</c>), the exact amount, and until when it may be paid.</summary>
[GenerateSerializer, Immutable]
public sealed record GatewayOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] long AmountMillimes,
    [property: Id(2)] string Currency,
    [property: Id(3)] string Description,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] string? ReturnUrl);
