namespace Actors.Contracts.Campaigns;

/// <summary>Every campaign id, and per school code the campaigns it belongs to (periods never overlap). JSON; members only added.</summary>
[GenerateSerializer]
public sealed class CampaignDirectoryState
{
    [Id(0)] public List<Guid> Campaigns { get; set; } = [];
    [Id(1)] public Dictionary<string, List<CampaignClaim>> Schools { get; set; } = new(StringComparer.Ordinal);
}
