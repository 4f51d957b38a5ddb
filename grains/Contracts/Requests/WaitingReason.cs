namespace Actors.Contracts.Requests;

/// <summary>Why a request cannot move on at its center now (it waits; moving needs the citizen's consent).</summary>
public enum WaitingReason
{
    /// <summary>The request's center is suspended or no longer takes bookings.</summary>
    CenterNotTakingBookings,

    /// <summary>The request's center no longer offers the service the request needs.</summary>
    ServiceWithdrawn,
}
