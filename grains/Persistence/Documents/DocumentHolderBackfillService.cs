using Actors.Contracts.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Persistence.Documents;

/// <summary>
/// Runs <see cref="DocumentHolderBackfill"/> once for the whole system, at silo start, until the backfill grain records
/// it done (as <c>RetentionBackfillService</c> does, for the same reasons). Not while legacy holders are still kept
/// (<c>Documents:KeepLegacyHolders</c>, during a rollout): old silos may still record under the unkeyed key. Silos
/// starting together may both run it; that only repeats idempotent work.
/// </summary>
public sealed class DocumentHolderBackfillService(DocumentHolderBackfill backfill, IGrainFactory grains, IServiceProvider services,
    ILogger<DocumentHolderBackfillService> logger) : BackgroundService
{
    // After a failure (the cluster still starting, the database away), tried again this much later.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A host without documents (some test silos) has no holder keys and nothing to adopt.
        if (services.GetService<IDocumentHolderKeys>() is not { KeepsLegacyHolders: false } keys)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var marker = grains.GetGrain<IHolderKeyBackfillGrain>(0);
                if (await marker.DoneAt() is not null)
                {
                    return;
                }

                await marker.MarkDone(await backfill.RunAsync(keys, stoppingToken));
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "Holder key backfill failed; trying again in {Delay}.", RetryAfter);
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
