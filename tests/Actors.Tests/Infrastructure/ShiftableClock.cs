namespace Actors.Tests.Infrastructure;

/// <summary>
/// The in-process cluster's clock: the system's, moved forward when a test needs an appointment to have begun
/// (a no-show, biometrics on the day). It only ever moves forward, so whatever one test reads as past stays past
/// for every other test sharing the cluster.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long offsetTicks;

    public static ShiftableClock Shared { get; } = new();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves the clock to at least <paramref name="instant"/>.</summary>
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
}
