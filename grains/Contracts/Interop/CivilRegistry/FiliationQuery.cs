namespace Actors.Contracts.Interop.CivilRegistry;

/// <summary>Is the person with this card number the parent or legal guardian of this minor, as claimed?</summary>
[GenerateSerializer, Immutable]
public sealed record FiliationQuery(
    [property: Id(0)] PersonQuery Minor,
    [property: Id(1)] string GuardianNationalIdNumber,
    [property: Id(2)] string ClaimedRelationship);
