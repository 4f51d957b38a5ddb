namespace Actors.Contracts.Outbox;

/// <summary>Event type names as stored in the outbox; a consumer picks the types it handles.</summary>
public static class OutboxEventTypes
{
    /// <summary>
    /// The previous release's request event. Payload: <see cref="Requests.Index.RequestIndexEntry"/> (a full
    /// snapshot, highest version wins). Requests now write RequestSubmitted and RequestStatusChanged
    /// (<see cref="Requests.Events.RequestEvents"/>); consumers still read this one from older outboxes.
    /// </summary>
    public const string CitizenRequestChanged = "CitizenRequestChanged";

    /// <summary>Payload: <see cref="Centers.ServiceCenterView"/>.</summary>
    public const string ServiceCenterChanged = "ServiceCenterChanged";

    /// <summary>Payload: <see cref="Funds.Index.AllocationIndexEntry"/> (a full snapshot, highest version wins).</summary>
    public const string AllocationChanged = "AllocationChanged";

    /// <summary>Payload: <see cref="Funds.FundAmendment"/> (audit of appropriation changes).</summary>
    public const string FundAmendmentChanged = "FundAmendmentChanged";
}
