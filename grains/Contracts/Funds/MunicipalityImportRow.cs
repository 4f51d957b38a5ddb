namespace Actors.Contracts.Funds;

/// <summary>One data row of an import, with its line in the source file so refusals can point at it.</summary>
[GenerateSerializer, Immutable]
public sealed record MunicipalityImportRow(
    [property: Id(0)] int Line,
    [property: Id(1)] string Code,
    [property: Id(2)] string NameAr,
    [property: Id(3)] string NameFr,
    [property: Id(4)] string Governorate,
    [property: Id(5)] bool IsNew,
    [property: Id(6)] bool IsDemo);
