namespace Actors.Contracts.Campaigns;

/// <summary>The steps of a school delivery round; each is the mutation of the same name.</summary>
public enum SchoolDeliveryAction
{
    DispatchSchoolDelivery,
    RecordSchoolHandover,
    CancelSchoolDelivery,
}
