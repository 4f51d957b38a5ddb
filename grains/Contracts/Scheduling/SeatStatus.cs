namespace Actors.Contracts.Scheduling;

public enum SeatStatus
{
    /// <summary>Taken for a booking in progress; back to the pool at its expiry unless the request committed.</summary>
    Held,

    /// <summary>The request committed the appointment.</summary>
    Booked,
}
