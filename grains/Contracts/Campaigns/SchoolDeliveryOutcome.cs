namespace Actors.Contracts.Campaigns;

/// <summary>What became of one card of a round at the school: handed to the pupil, or brought back to the center.</summary>
public enum SchoolDeliveryOutcome
{
    Delivered,
    Returned,
}
