namespace Actors.Contracts.Campaigns;

/// <summary>
/// One pupil of the Ministry of Education's list, reduced to what the invitation and the link to a request need:
/// the family name and birth date of the file are checked when it is read, never kept.
/// </summary>
/// <param name="Line">The row's line in the file (1 is the header), for the rejection report.</param>
[GenerateSerializer, Immutable]
public sealed record EnrolmentRow(
    [property: Id(0)] int Line,
    [property: Id(1)] string EnrolmentId,
    [property: Id(2)] string SchoolCode,
    [property: Id(3)] string GivenName,
    [property: Id(4)] string GuardianPhone);
