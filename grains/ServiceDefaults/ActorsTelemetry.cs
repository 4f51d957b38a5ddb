using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Actors.ServiceDefaults;

/// <summary>Our own meter and activity source, so domain counters sit beside Orleans' and ASP.NET's.</summary>
public static class ActorsTelemetry
{
    public const string MeterName = "Actors";
    public const string ActivitySourceName = "Actors";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
