using Actors.TestSupport;

namespace Actors.Bench;

/// <summary>
/// The API settings of every benchmark run against the cluster. Every load generator client comes from 127.0.0.1, so the
/// per-address rate limits (issue 13) would measure the limiter, not the path: they are raised far above what two cores
/// can serve. The abuse run measures the limits themselves and keeps them. Then the --api-setting options, and the
/// --silo-setting options for the silos (and for the API as well when it hosts the silo).
/// </summary>
public static class BenchApiSettings
{
    public static ClusterProcesses Apply(ClusterProcesses cluster, BenchOptions options)
    {
        cluster.WithLoadGeneratorRateLimits();
        foreach (var (key, value) in options.ApiSettings)
        {
            cluster.ApiSettings[key] = value;
        }

        foreach (var (key, value) in options.SiloSettings)
        {
            cluster.SiloSettings[key] = value;
            if (cluster.CoHostedApi)
            {
                cluster.ApiSettings[key] = value;
            }
        }

        return cluster;
    }
}
