namespace Actors.Contracts.Interop.CivilRegistry;

/// <summary>What the registry is asked about a person: the declared identity and nothing more.</summary>
[GenerateSerializer, Immutable]
public sealed record PersonQuery(
    [property: Id(0)] string GivenName,
    [property: Id(1)] string FamilyName,
    [property: Id(2)] DateOnly BirthDate,
    [property: Id(3)] string? BirthPlace,
    [property: Id(4)] string? NationalIdNumber);
