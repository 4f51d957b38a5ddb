namespace Actors.Api.Campaigns;

public sealed class SetCampaignSchoolsInput
{
    public string CampaignId { get; set; } = "";

    public List<CampaignSchoolInput> Schools { get; set; } = [];
}
