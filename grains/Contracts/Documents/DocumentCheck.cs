namespace Actors.Contracts.Documents;

/// <summary>One online check, as supervisors see it: the client address only as a keyed hash.</summary>
[GenerateSerializer, Immutable]
public sealed record DocumentCheck(
    [property: Id(0)] string Code,
    [property: Id(1)] DocumentCheckOutcome Outcome,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string ClientAddressHash);
