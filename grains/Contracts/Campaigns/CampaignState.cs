namespace Actors.Contracts.Campaigns;

/// <summary>
/// A campaign's definition and its counters. The counters keep, per pupil request, the milestones already
/// counted, so that a replayed event counts nothing twice. JSON; members only added.
/// </summary>
[GenerateSerializer]
public sealed class CampaignState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string SchoolYear { get; set; } = "";
    [Id(3)] public DateOnly StartsOn { get; set; }
    [Id(4)] public DateOnly EndsOn { get; set; }
    [Id(5)] public List<string> Governorates { get; set; } = [];
    [Id(6)] public List<CampaignSchool> Schools { get; set; } = [];
    [Id(7)] public long Version { get; set; }
    [Id(8)] public string CreatedBy { get; set; } = "";
    [Id(9)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Per request: its school and the milestones counted for it.</summary>
    [Id(10)] public Dictionary<Guid, RequestMilestones> Requests { get; set; } = [];

    /// <summary>Per school code: how many of its pupils were sent an invitation (set by the school's enrolment grain).</summary>
    [Id(11)] public Dictionary<string, int> Invited { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The creating setup's fingerprint: a retried create with the same key and setup gets the campaign back.</summary>
    [Id(12)] public string SetupFingerprint { get; set; } = "";
}
