namespace Actors.Contracts.Funds;

/// <summary>One tranche paid to the municipality.</summary>
[GenerateSerializer, Immutable]
public sealed record Disbursement(
    [property: Id(0)] Guid Id,
    [property: Id(1)] long AmountMillimes,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor,
    [property: Id(4)] string? Reason);
