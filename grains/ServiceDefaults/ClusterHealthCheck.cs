using Actors.Contracts.Centers;
using Actors.Contracts.Naming;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.ServiceDefaults;

/// <summary>Ready when a grain call round-trips through the cluster (silo or client alike).</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    /// <summary>How long a probe waits for the cluster's answer.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Patience);
            await grains.Reference<ICenterDirectoryGrain>(0).List().WaitAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Unanswered(ex);
        }
    }

    /// <summary>
    /// Not ready, and why, in one line. Without the exception itself: the health check service logs an unhealthy result
    /// as an error with its exception's stack trace, and a host starting (an API before any silo has told it the grain
    /// types) or a cluster away answers every probe so, which buried each start's log under the same trace.
    /// </summary>
    public static HealthCheckResult Unanswered(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = exception is OperationCanceledException or TimeoutException
            ? $"no answer within {Patience.TotalSeconds:0} s"
            : $"{exception.GetType().Name}: {exception.Message.Split('\n')[0].Trim()}";
        return HealthCheckResult.Unhealthy($"The cluster does not answer ({reason}).");
    }
}
