namespace Actors.Contracts.Funds;

/// <summary>The audit line of one import: who, when, from what, with which counts.</summary>
[GenerateSerializer, Immutable]
public sealed record MunicipalityImportRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Source,
    [property: Id(3)] int Created,
    [property: Id(4)] int Updated,
    [property: Id(5)] int Unchanged,
    [property: Id(6)] int Rejected);
