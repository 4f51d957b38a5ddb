namespace Actors.Api.Campaigns;

public sealed class PrepareSchoolDeliveryInput
{
    public string CampaignId { get; set; } = "";

    public string SchoolCode { get; set; } = "";

    public List<string>? RequestIds { get; set; }

    public string IdempotencyKey { get; set; } = "";
}
