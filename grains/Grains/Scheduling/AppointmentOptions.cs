namespace Actors.Grains.Scheduling;

/// <summary>Configuration section "Appointments". The defaults are ours.</summary>
public sealed class AppointmentOptions
{
    public const string Section = "Appointments";

    /// <summary>
    /// How long a seat stays held for a booking that has not committed: a booking commits within a second, so two
    /// minutes only matter after a crash between the hold and the commit, and keep such a seat out of the pool briefly.
    /// </summary>
    public TimeSpan HoldLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the durable reminder looks for expired holds when the silo that held them stopped (Orleans' minimum is a minute).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The widest range of days availableSlots and nearestSlots read at once.</summary>
    public int MaxRangeDays { get; set; } = 31;

    public bool IsValid => HoldLifetime > TimeSpan.Zero && ReminderPeriod >= TimeSpan.FromMinutes(1) && MaxRangeDays > 0;
}
