namespace Actors.Contracts.Requests;

/// <summary>A payment as confirmed by an agent (manual mode) or, later, by the gateway webhook.</summary>
[GenerateSerializer, Immutable]
public sealed record PaymentRecord(
    [property: Id(0)] string Reference,
    [property: Id(1)] long AmountMillimes,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string RecordedBy);
