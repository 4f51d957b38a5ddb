namespace Actors.Contracts.Funds;

/// <summary>
/// What an import did. Idempotent by code: importing the same rows again counts them all as unchanged.
/// Good rows are applied even when others are rejected.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MunicipalityImportResult(
    [property: Id(0)] int Created,
    [property: Id(1)] int Updated,
    [property: Id(2)] int Unchanged,
    [property: Id(3)] IReadOnlyList<MunicipalityImportRejection> Rejected,
    [property: Id(4)] int MunicipalityCount,
    [property: Id(5)] DateTimeOffset At);
