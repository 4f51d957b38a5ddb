namespace Actors.Contracts.Campaigns;

/// <summary>A pupil's card ready for delivery at a campaign school: what a round lists, and the open round holding it, if any.</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolDeliveryCandidate(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] string Reference,
    [property: Id(2)] string GivenName,
    [property: Id(3)] string? Grade,
    [property: Id(4)] string CenterId,
    [property: Id(5)] Guid? RoundId);
