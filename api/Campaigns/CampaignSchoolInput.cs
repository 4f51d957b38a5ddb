namespace Actors.Api.Campaigns;

public sealed class CampaignSchoolInput
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Governorate { get; set; } = "";

    public int Target { get; set; }
}
