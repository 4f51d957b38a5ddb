namespace Actors.Contracts.Requests;

/// <summary>The legal guardian of a minor applicant, and whether they consented to the request.</summary>
[GenerateSerializer, Immutable]
public sealed record Guardian(
    [property: Id(0)] string FullName,
    [property: Id(1)] string NationalIdNumber,
    [property: Id(2)] string Relationship,
    [property: Id(3)] bool ConsentGiven);
