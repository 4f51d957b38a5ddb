namespace Actors.Contracts.Funds;

/// <summary>
/// A municipality (بلدية / commune): the fund's beneficiary. IsNew marks one of the new municipalities
/// that alone may receive NEW_MUNICIPALITIES aid; IsDemo marks demo data, not an official record.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Municipality(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameAr,
    [property: Id(2)] string NameFr,
    [property: Id(3)] string Governorate,
    [property: Id(4)] bool IsNew,
    [property: Id(5)] bool IsDemo,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] string UpdatedBy);
