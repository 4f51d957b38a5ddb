namespace Actors.Contracts.Campaigns;

/// <summary>What one batch of rows did at one school. Unchanged: the same pupil with the same data was already enrolled.</summary>
[GenerateSerializer, Immutable]
public sealed record EnrolmentBatchResult(
    [property: Id(0)] int Created,
    [property: Id(1)] int Updated,
    [property: Id(2)] int Unchanged,
    [property: Id(3)] IReadOnlyList<EnrolmentRejection> Rejected);
