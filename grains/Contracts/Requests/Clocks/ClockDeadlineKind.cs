namespace Actors.Contracts.Requests.Clocks;

/// <summary>What a request's clock does when a threshold passes.</summary>
public enum ClockDeadlineKind
{
    /// <summary>The status's target passed: the request is flagged overdue.</summary>
    Overdue,

    /// <summary>The second threshold passed: the request is escalated to its governorate's supervisors.</summary>
    Escalation,

    /// <summary>A card request stayed PAID without an appointment too long: it expires.</summary>
    UnbookedExpiry,
}
