namespace Actors.Contracts.Documents;

[GenerateSerializer, Immutable]
public sealed record DocumentRevocation(
    [property: Id(0)] RevocationReason Reason,
    [property: Id(1)] string? Note,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string By);
