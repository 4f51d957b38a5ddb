namespace Actors.Contracts.Campaigns;

/// <summary>One shard of a campaign's enrolment ids: the school that holds each. JSON; members only added.</summary>
[GenerateSerializer]
public sealed class EnrolmentRegistryState
{
    [Id(0)] public Dictionary<string, string> Schools { get; set; } = new(StringComparer.Ordinal);
}
