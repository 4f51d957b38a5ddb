namespace Actors.Contracts.Campaigns;

/// <summary>A pupil enrolled in a campaign school; <see cref="Invitation"/> is null, "sending", "sent" or "undeliverable".</summary>
[GenerateSerializer, Immutable]
public sealed record EnrolledPupil(
    [property: Id(0)] string EnrolmentId,
    [property: Id(1)] string GivenName,
    [property: Id(2)] string GuardianPhone,
    [property: Id(3)] DateTimeOffset EnrolledAt,
    [property: Id(4)] string? Invitation);
