namespace Actors.Api.Campaigns;

/// <summary>The figures of one school (Key: its code) or one governorate (Key: its code), as the caller may see them.</summary>
public sealed record CampaignGroupFigures(string Key, CampaignFigures Figures);
