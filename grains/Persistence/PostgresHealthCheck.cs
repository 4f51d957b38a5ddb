using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Actors.Persistence;

/// <summary>
/// Ready only when PostgreSQL answers a query: a host that cannot reach its database takes no traffic. Its own small
/// pool with short timeouts, so that a probe never waits behind the host's busy connections or a long connect timeout.
/// </summary>
public sealed class PostgresHealthCheck : IHealthCheck, IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    private readonly NpgsqlDataSource dataSource;

    public PostgresHealthCheck(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithActorsDefaults(connectionString))
        {
            Timeout = (int)Budget.TotalSeconds,
            CommandTimeout = (int)Budget.TotalSeconds,
            MaxPoolSize = 2,
            ApplicationName = "actors-health",
        };
        dataSource = NpgsqlDataSource.Create(settings);
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Budget);
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", ex);
        }
    }

    public void Dispose() => dataSource.Dispose();
}
