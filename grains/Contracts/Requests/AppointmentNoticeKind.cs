namespace Actors.Contracts.Requests;

public enum AppointmentNoticeKind
{
    /// <summary>The center closed on the day: the booking moved to the earliest free slot of the same center.</summary>
    MovedByCenter,

    /// <summary>The center closed or stopped taking bookings and had no slot to move to: the request is back to booking.</summary>
    CancelledByCenter,
}
