using System.Diagnostics;

namespace Actors.SiloHosting;

/// <summary>
/// The system clock, with monotonic timestamps counted from this clock's first reading instead of
/// from the machine's boot. Orleans' watchdog starts its platform thread before it stamps the
/// component check's start, so that thread's first look may read a timestamp of 0: with boot-based
/// timestamps it then reports "participant check thread has not completed" for the machine's whole
/// uptime, and lowers the silo's health score. Counted from the first reading, which membership
/// takes as the silo starts, an unset timestamp reads as a moment of the silo's own start-up, well
/// under the warning's threshold (twice <c>ClusterMembershipOptions.LocalHealthDegradationMonitoringPeriod</c>,
/// 20 s by default). Differences between timestamps, all that Orleans uses them for, are unchanged.
/// </summary>
public sealed class SiloStartClock : TimeProvider
{
    private const long Unset = long.MinValue;

    private long origin = Unset;

    public override long GetTimestamp()
    {
        var now = Stopwatch.GetTimestamp();
        if (Volatile.Read(ref origin) == Unset)
        {
            Interlocked.CompareExchange(ref origin, now - 1, Unset);
        }

        return now - Volatile.Read(ref origin);
    }
}
