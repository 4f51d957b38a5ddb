namespace Actors.Contracts.Scheduling;

/// <summary>Why a center does not open on a day, in the order it is decided.</summary>
public enum DayClosedReason
{
    /// <summary>A national public holiday.</summary>
    Holiday,

    /// <summary>One of the center's own closures.</summary>
    Closure,

    /// <summary>The weekly hours (or the special period's hours) have no session that weekday.</summary>
    Weekly,
}
