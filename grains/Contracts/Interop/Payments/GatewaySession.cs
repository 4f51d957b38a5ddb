namespace Actors.Contracts.Interop.Payments;

/// <summary>Where the payer goes to pay an order: the hosted page's address.</summary>
[GenerateSerializer, Immutable]
public sealed record GatewaySession(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string RedirectUrl,
    [property: Id(3)] DateTimeOffset ExpiresAt);
