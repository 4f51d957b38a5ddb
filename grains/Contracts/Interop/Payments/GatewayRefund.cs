namespace Actors.Contracts.Interop.Payments;

[GenerateSerializer, Immutable]
public sealed record GatewayRefund(
    [property: Id(0)] string RefundId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] long AmountMillimes,
    [property: Id(3)] DateTimeOffset RefundedAt);
