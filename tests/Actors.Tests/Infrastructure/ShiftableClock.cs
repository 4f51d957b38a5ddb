using Actors.ServiceDefaults;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// The in-process cluster's clock: the system's, moved forward when a test needs an appointment to have begun
/// (a no-show, biometrics on the day). It only ever moves forward, so whatever one test reads as past stays past
/// for every other test sharing the cluster.
/// </summary>
public static class ShiftableClock
{
    public static RehearsalClock Shared { get; } = new(TimeSpan.Zero);
}
