namespace Actors.Contracts.Documents;

/// <summary>A document's answer to a check, with whether the code exists at all (for the check log, never for the caller).</summary>
[GenerateSerializer, Immutable]
public sealed record DocumentLookup(
    [property: Id(0)] bool Exists,
    [property: Id(1)] DocumentCheckAnswer? Answer);
