namespace Actors.ServiceDefaults;

/// <summary>
/// Configuration section "Clock", a rehearsal tool: <see cref="Offset"/> moves the silo's "now" forward (e.g.
/// <c>Clock__Offset=10.00:00:00</c>), so that a restarted cluster sees ten days passed and its service-level clocks
/// fire. Refused outside the Development and Testing environments: a production silo keeps the real time.
/// </summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    public TimeSpan Offset { get; set; }
}
