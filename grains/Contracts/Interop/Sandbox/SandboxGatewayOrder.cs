namespace Actors.Contracts.Interop.Sandbox;

/// <summary>An order at the sandbox gateway as its hosted page (and a test) sees it. Of the card, only the last four digits.</summary>
[GenerateSerializer, Immutable]
public sealed record SandboxGatewayOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] long AmountMillimes,
    [property: Id(3)] string Currency,
    [property: Id(4)] string Description,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] string? ReturnUrl,
    [property: Id(7)] SandboxOrderStatus Status,
    [property: Id(8)] string? CardLast4,
    [property: Id(9)] string? DeclineCode,
    [property: Id(10)] long RefundedMillimes,
    [property: Id(11)] DateTimeOffset RegisteredAt,
    [property: Id(12)] DateTimeOffset UpdatedAt,
    [property: Id(13)] IReadOnlyList<SandboxWebhookDelivery> Webhooks)
{
    public bool IsPayable => Status is SandboxOrderStatus.Open;
}
