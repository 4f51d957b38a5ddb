using System.Globalization;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Telemetry;

/// <summary>
/// One real silo process (silo/Program.cs, as deployed: metrics port, Orleans Dashboard behind basic authentication)
/// on a throwaway PostgreSQL server of its own, which the readiness test stops and starts.
/// </summary>
public sealed class SiloTelemetryFixture : IAsyncLifetime
{
    public const string DashboardPassword = "dashboard-test-password";

    private string? logDirectory;

    public PostgresServer Postgres { get; } = new();

    public ClusterProcesses Cluster { get; private set; } = null!;

    public int MetricsPort { get; } = FreePort.Next();

    public Uri Silo => Cluster.Silos[0].HealthBase;

    public Uri Metrics => new($"http://127.0.0.1:{MetricsPort.ToString(CultureInfo.InvariantCulture)}/metrics");

    public async ValueTask InitializeAsync()
    {
        await Postgres.InitializeAsync();
        logDirectory = Directory.CreateTempSubdirectory("actors-telemetry-").FullName;
        Cluster = new ClusterProcesses(Postgres.ConnectionString, logDirectory);
        Cluster.SiloSettings["Telemetry__MetricsPort"] = MetricsPort.ToString(CultureInfo.InvariantCulture);
        Cluster.SiloSettings["Dashboard__Enabled"] = "true";
        Cluster.SiloSettings["Dashboard__Password"] = DashboardPassword;
        await Cluster.StartSilosAsync(1);
    }

    /// <summary>Stops the server (fast shutdown: connections are cut); <see cref="StartPostgresAsync"/> brings it back on the same port.</summary>
    public Task StopPostgresAsync() => Postgres.Server.RunToolAsync("pg_ctl", "stop", "-w", "-m", "fast", "-D", Postgres.Server.DataDirectory);

    public Task StartPostgresAsync() => Postgres.Server.RunToolAsync(
        "pg_ctl", "start", "-w", "-t", "60", "-D", Postgres.Server.DataDirectory, "-l", Postgres.Server.LogPath,
        "-o", $"-p {Postgres.Server.Port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off");

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await Postgres.DisposeAsync();
        if (logDirectory is not null && Directory.Exists(logDirectory))
        {
            Directory.Delete(logDirectory, recursive: true);
        }
    }
}
