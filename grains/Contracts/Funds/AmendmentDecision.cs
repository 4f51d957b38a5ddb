namespace Actors.Contracts.Funds;

/// <summary>Approve (apply) or reject a proposed amendment.</summary>
[GenerateSerializer, Immutable]
public sealed record AmendmentDecision(
    [property: Id(0)] Guid AmendmentId,
    [property: Id(1)] bool Approve,
    [property: Id(2)] string? Reason);
