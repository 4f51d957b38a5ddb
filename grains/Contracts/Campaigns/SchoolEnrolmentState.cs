namespace Actors.Contracts.Campaigns;

/// <summary>The pupils of one school in one campaign, by enrolment id. JSON; members only added.</summary>
[GenerateSerializer]
public sealed class SchoolEnrolmentState
{
    [Id(0)] public Dictionary<string, EnrolledPupil> Pupils { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public DateTimeOffset UpdatedAt { get; set; }
}
