using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Persistence.Backfills;

/// <summary>
/// A backfill run once for the whole system, at silo start, until a grain records it done. At start rather than as an
/// operator's command: nobody has to remember it after the upgrade, and it needs the cluster's grains, which a silo has
/// and a one-shot command would have to join the cluster for. Silos starting together may both run it, so a backfill
/// must be idempotent. A failure (the cluster still starting, the database away) is logged and tried again later, so the
/// silo's start never waits on it.
/// </summary>
public abstract class OnceAtStartBackfillService(ILogger logger) : BackgroundService
{
    /// <summary>After a failure, tried again this much later.</summary>
    protected static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>What the log calls this backfill ("Retention backfill").</summary>
    protected abstract string Name { get; }

    /// <summary>Whether this host should run it at all (a host without the feature, or a rollout still under way).</summary>
    protected virtual bool Applies => true;

    /// <summary>Whether the system has recorded it done.</summary>
    protected abstract Task<bool> IsDoneAsync();

    /// <summary>Runs the backfill and records it done.</summary>
    protected abstract Task RunAndRecordAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Applies)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await IsDoneAsync())
                {
                    // Operators see how long a first start on a large database spends here (the silo serves meanwhile).
                    var started = Stopwatch.GetTimestamp();
                    await RunAndRecordAsync(stoppingToken);
                    logger.LogInformation("{Backfill} done in {Elapsed}.", Name, Stopwatch.GetElapsedTime(started));
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "{Backfill} failed; trying again in {Delay}.", Name, RetryAfter);
            }

            try
            {
                await Task.Delay(RetryAfter, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
