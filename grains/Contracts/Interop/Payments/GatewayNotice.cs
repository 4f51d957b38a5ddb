namespace Actors.Contracts.Interop.Payments;

/// <summary>
/// One webhook message from the gateway, after its signature was checked. <c>MessageId</c> is the
/// gateway's (Standard Webhooks <c>webhook-id</c>): the same id delivered twice counts once.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GatewayNotice(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] GatewayNoticeKind Kind,
    [property: Id(3)] long AmountMillimes,
    [property: Id(4)] string Currency,
    [property: Id(5)] string? DeclineCode,
    [property: Id(6)] DateTimeOffset OccurredAt);
