namespace Actors.Api.Campaigns;

/// <summary>dispatchSchoolDelivery's and cancelSchoolDelivery's input: the round, and for a cancellation an optional reason.</summary>
public sealed class SchoolDeliveryRoundInput
{
    public string RoundId { get; set; } = "";

    public string? Reason { get; set; }
}
