namespace Actors.Api.Campaigns;

public sealed class RecordSchoolHandoverInput
{
    public string RoundId { get; set; } = "";

    public List<string> Delivered { get; set; } = [];

    public List<SchoolDeliveryReturnInput> Returned { get; set; } = [];
}
