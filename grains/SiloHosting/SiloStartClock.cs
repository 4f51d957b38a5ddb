using System.Diagnostics;

namespace Actors.SiloHosting;

/// <summary>
/// The system clock, with monotonic timestamps counted from this clock's creation instead of from
/// the machine's boot. Orleans' watchdog starts its platform thread before it stamps the component
/// check's start, so that thread's first look reads a timestamp of 0: with boot-based timestamps it
/// reports "participant check thread has not completed" for the machine's whole uptime, and
/// lowers the silo's health score. Counted from the silo's start, an unset timestamp reads as the
/// silo's start-up time, well under the warning's threshold (twice
/// <c>ClusterMembershipOptions.LocalHealthDegradationMonitoringPeriod</c>, 20 s by default).
/// </summary>
public sealed class SiloStartClock : TimeProvider
{
    private readonly long origin = Stopwatch.GetTimestamp() - 1;

    public override long GetTimestamp() => Stopwatch.GetTimestamp() - origin;
}
