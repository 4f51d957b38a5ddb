using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Actors.Telemetry;

/// <summary>
/// The one meter and the one activity source of our code, both named <see cref="Name"/>. Static on purpose: grain
/// steps, outbox consumers and outside-system calls record from places that have no service provider at hand, and a
/// meter is identified by its name anyway (every host's OpenTelemetry subscribes to it by name).
/// </summary>
public static class ActorsTelemetry
{
    public const string Name = "Actors";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
