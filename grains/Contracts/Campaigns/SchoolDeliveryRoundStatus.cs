namespace Actors.Contracts.Campaigns;

/// <summary>Where a school delivery round stands: PREPARED → DISPATCHED → HANDED_OVER, or CANCELLED before it leaves.</summary>
public enum SchoolDeliveryRoundStatus
{
    Prepared,
    Dispatched,
    HandedOver,
    Cancelled,
}
