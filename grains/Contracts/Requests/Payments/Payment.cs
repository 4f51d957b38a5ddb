namespace Actors.Contracts.Requests.Payments;

/// <summary>
/// One online payment of a request's fee at the gateway. The order id is ours (<see cref="PaymentIds"/>);
/// the redirect URL is the gateway's hosted page, where the card is typed (we never see card data).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Payment(
    [property: Id(0)] string OrderId,
    [property: Id(1)] PaymentStatus Status,
    [property: Id(2)] long AmountMillimes,
    [property: Id(3)] string Currency,
    [property: Id(4)] string? RedirectUrl,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset ExpiresAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] string StartedBy,
    [property: Id(9)] string? IdempotencyKey,
    [property: Id(10)] string? DeclineCode,
    [property: Id(11)] IReadOnlyList<PaymentEvent> Events)
{
    public const string Dinar = "TND";

    public bool IsOpen => Status is PaymentStatus.Created or PaymentStatus.Authorised;
}
