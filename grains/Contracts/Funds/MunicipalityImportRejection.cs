namespace Actors.Contracts.Funds;

/// <summary>A row that was not applied: its line (1 is the header), its code when readable, and why.</summary>
[GenerateSerializer, Immutable]
public sealed record MunicipalityImportRejection(
    [property: Id(0)] int Line,
    [property: Id(1)] string? Code,
    [property: Id(2)] string Reason);
