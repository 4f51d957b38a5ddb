using Actors.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.ServiceDefaults;

/// <summary>
/// Hands each readiness check's latest result to the <c>actors.health</c> gauge, so that Prometheus, which never sees
/// the probes, can alert on "no silo is Active" or "PostgreSQL unreachable" from the hosts' own view.
/// </summary>
public sealed class HealthMetricsPublisher : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ActorsMetrics.Health(report.Entries.Select(e => new KeyValuePair<string, bool>(e.Key, e.Value.Status == HealthStatus.Healthy)));
        return Task.CompletedTask;
    }
}
