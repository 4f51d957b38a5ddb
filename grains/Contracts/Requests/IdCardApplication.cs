namespace Actors.Contracts.Requests;

/// <summary>What a citizen (or a campaign officer for a pupil) submits for a national ID card.</summary>
[GenerateSerializer, Immutable]
public sealed record IdCardApplication(
    [property: Id(0)] IdCardReason Reason,
    [property: Id(1)] Applicant Applicant,
    [property: Id(2)] string CenterId,
    [property: Id(3)] PupilEnrolment? Pupil,
    [property: Id(4)] Guardian? Guardian,
    [property: Id(5)] ContactPoint? Contact,
    [property: Id(6)] string? IdempotencyKey);
