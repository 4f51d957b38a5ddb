namespace Actors.Contracts.Requests;

/// <summary>What a citizen submits for a bulletin no. 3 extract.</summary>
[GenerateSerializer, Immutable]
public sealed record CriminalRecordApplication(
    [property: Id(0)] Applicant Applicant,
    [property: Id(1)] string CenterId,
    [property: Id(2)] string Purpose,
    [property: Id(3)] ContactPoint? Contact,
    [property: Id(4)] string? IdempotencyKey);
