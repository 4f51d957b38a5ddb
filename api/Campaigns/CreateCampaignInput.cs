namespace Actors.Api.Campaigns;

public sealed class CreateCampaignInput
{
    public string Name { get; set; } = "";

    public string SchoolYear { get; set; } = "";

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public List<string> Governorates { get; set; } = [];

    public List<CampaignSchoolInput>? Schools { get; set; }

    public string IdempotencyKey { get; set; } = "";
}
