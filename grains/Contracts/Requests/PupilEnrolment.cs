namespace Actors.Contracts.Requests;

/// <summary>The pupil pathway: the school that enrols the pupil in the joint Education–Interior campaign.</summary>
[GenerateSerializer, Immutable]
public sealed record PupilEnrolment(
    [property: Id(0)] string SchoolCode,
    [property: Id(1)] string? SchoolName,
    [property: Id(2)] string? Grade);
