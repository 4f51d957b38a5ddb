namespace Actors.Contracts.Funds;

/// <summary>Where an allocation stands. CLOSED and CANCELLED are final.</summary>
public enum AllocationStatus
{
    /// <summary>Proposed: its amount is reserved on the programme, so an approval can never overdraw.</summary>
    Proposed,

    /// <summary>Approved by a fund manager other than the proposer: the amount counts as allocated.</summary>
    Approved,

    /// <summary>Committed to the municipality (agreement signed); tranches may now be disbursed.</summary>
    Committed,

    /// <summary>Some tranches disbursed, some amount left.</summary>
    PartiallyDisbursed,

    /// <summary>The whole amount disbursed.</summary>
    Disbursed,

    Closed,

    /// <summary>Cancelled: the undisbursed amount went back to the programme.</summary>
    Cancelled,
}
