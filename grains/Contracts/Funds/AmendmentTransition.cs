namespace Actors.Contracts.Funds;

/// <summary>One row of the amendment state machine: a decision, the statuses it starts from, where it leads, whether it must say why.</summary>
[GenerateSerializer, Immutable]
public sealed record AmendmentTransition(
    [property: Id(0)] AmendmentAction Action,
    [property: Id(1)] IReadOnlyList<AmendmentStatus> From,
    [property: Id(2)] AmendmentStatus To,
    [property: Id(3)] bool ReasonRequired);
