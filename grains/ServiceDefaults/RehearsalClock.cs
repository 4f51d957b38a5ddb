namespace Actors.ServiceDefaults;

/// <summary>
/// The system clock with "now" moved forward by an offset that can only grow: rehearsals and tests see days pass in
/// seconds. Only <see cref="GetUtcNow"/> moves; timers and timestamps keep real time, so Orleans (timers, reminders'
/// waits, membership) keeps working, and a reminder due in real time wakes a grain that then reads the moved "now".
/// </summary>
public sealed class RehearsalClock(TimeSpan offset) : TimeProvider
{
    private long offsetTicks = offset >= TimeSpan.Zero
        ? offset.Ticks
        : throw new ArgumentOutOfRangeException(nameof(offset), offset, "The clock only moves forward.");

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves "now" to at least <paramref name="instant"/>; a clock already past it stays where it is.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        while (true)
        {
            var current = Interlocked.Read(ref offsetTicks);
            var wanted = (instant - System.GetUtcNow()).Ticks;
            if (wanted <= current || Interlocked.CompareExchange(ref offsetTicks, wanted, current) == current)
            {
                return;
            }
        }
    }

    /// <summary>Moves "now" forward; backwards would let a deadline pass twice.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }
}
