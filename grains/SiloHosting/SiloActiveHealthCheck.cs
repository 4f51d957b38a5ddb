using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.SiloHosting;

/// <summary>
/// Ready only while this silo is Active in the cluster's membership: a silo still joining, or declared dead by the
/// others while its process lives on, must take no traffic even if grain calls routed elsewhere still answer.
/// </summary>
public sealed class SiloActiveHealthCheck(ILocalSiloDetails local, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"This silo is {status} in the cluster's membership, not Active."));
    }
}
