using Actors.Contracts.Retention;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Persistence.Retention;

/// <summary>
/// Runs <see cref="RetentionBackfill"/> once for the whole system, at silo start, until the retention grain records it
/// done. At start rather than as an operator's command: nobody has to remember it after the upgrade, and it needs the
/// cluster's grains, which a silo has and a one-shot command would have to join the cluster for. Silos starting together
/// may both run it; that only repeats idempotent work (a bucket holds a request once).
/// </summary>
public sealed class RetentionBackfillService(RetentionBackfill backfill, IGrainFactory grains, ILogger<RetentionBackfillService> logger)
    : BackgroundService
{
    // After a failure (the cluster still starting, the database away), tried again this much later.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var retention = grains.GetGrain<IRetentionGrain>(0);
                if (await retention.BackfilledAt() is not null)
                {
                    return;
                }

                var scheduled = await backfill.RunAsync(stoppingToken);
                await retention.MarkBackfilled(scheduled);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "Retention backfill failed; trying again in {Delay}.", RetryAfter);
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
