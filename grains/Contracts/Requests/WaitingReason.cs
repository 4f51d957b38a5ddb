namespace Actors.Contracts.Requests;

/// <summary>Why a request cannot move on at its center now: it waits there; moving it needs the citizen's consent.</summary>
public enum WaitingReason
{
    /// <summary>The request's center is not in PILOT or LIVE phase (suspended, or back in preparation).</summary>
    CenterNotTakingBookings,

    /// <summary>The request's center no longer offers the service the request needs.</summary>
    ServiceWithdrawn,
}
