namespace Actors.Api.Campaigns;

public sealed class SchoolDeliveryReturnInput
{
    public string RequestId { get; set; } = "";

    public string Reason { get; set; } = "";
}
