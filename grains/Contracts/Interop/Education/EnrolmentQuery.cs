namespace Actors.Contracts.Interop.Education;

[GenerateSerializer, Immutable]
public sealed record EnrolmentQuery(
    [property: Id(0)] string GivenName,
    [property: Id(1)] string FamilyName,
    [property: Id(2)] DateOnly BirthDate,
    [property: Id(3)] string SchoolCode,
    [property: Id(4)] string? Grade);
