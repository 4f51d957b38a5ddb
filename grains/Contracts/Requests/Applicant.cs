namespace Actors.Contracts.Requests;

/// <summary>
/// The person the document is for. Only what the pathway needs: names as on the civil registry
/// (Arabic, optionally Latin), birth date and place, and the card number when one exists.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Applicant(
    [property: Id(0)] string GivenName,
    [property: Id(1)] string FamilyName,
    [property: Id(2)] DateOnly BirthDate,
    [property: Id(3)] string? BirthPlace,
    [property: Id(4)] string? NationalIdNumber,
    [property: Id(5)] string? GivenNameLatin,
    [property: Id(6)] string? FamilyNameLatin);
