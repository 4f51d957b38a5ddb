namespace Actors.Contracts.Requests.Payments;

/// <summary>The started payment and its request as they are now.</summary>
[GenerateSerializer, Immutable]
public sealed record PaymentStart(
    [property: Id(0)] Payment Payment,
    [property: Id(1)] CitizenRequestView Request);
