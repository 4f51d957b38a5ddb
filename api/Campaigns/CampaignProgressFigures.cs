namespace Actors.Api.Campaigns;

/// <summary>A campaign's progress as the caller may see it, with the threshold it was withheld at (0: nothing withheld).</summary>
public sealed record CampaignProgressFigures(
    CampaignFigures Total, IReadOnlyList<CampaignGroupFigures> BySchool, IReadOnlyList<CampaignGroupFigures> ByGovernorate, int SuppressionThreshold);
