using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Persistence.Outbox;

/// <summary>
/// The loop of a silo's background work on PostgreSQL (<see cref="OutboxLagSampler"/>, <see cref="OutboxPruner"/>): a
/// pass, then the interval, until the silo stops. A pass the database fails (unreachable, a timeout) is logged and
/// tried again at the next interval; readiness is what alerts on an unreachable database.
/// </summary>
internal static class PeriodicPass
{
    public static async Task RunAsync(
        Func<CancellationToken, Task> pass, Func<TimeSpan> interval, ILogger logger, string failure, CancellationToken stoppingToken)
    {
        // Leave the host's start-up path at once.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, failure);
            }

            try
            {
                await Task.Delay(interval(), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
