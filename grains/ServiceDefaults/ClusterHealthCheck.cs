using Actors.Contracts.Centers;
using Actors.Contracts.Naming;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.ServiceDefaults;

/// <summary>Ready when a grain call round-trips through the cluster (silo or client alike).</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await grains.Reference<ICenterDirectoryGrain>(0).List().WaitAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", ex);
        }
    }
}
