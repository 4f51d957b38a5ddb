using Actors.Contracts.Naming;
using Actors.Contracts.Retention;
using Actors.Persistence.Backfills;
using Microsoft.Extensions.Logging;

namespace Actors.Persistence.Retention;

/// <summary>Runs <see cref="RetentionBackfill"/> once for the whole system (a bucket holds a request once, so a repeat is harmless).</summary>
public sealed class RetentionBackfillService(RetentionBackfill backfill, IGrainFactory grains, ILogger<RetentionBackfillService> logger)
    : OnceAtStartBackfillService(logger)
{
    protected override string Name => "Retention backfill";

    private IRetentionGrain Retention => grains.Reference<IRetentionGrain>(0);

    protected override async Task<bool> IsDoneAsync() => await Retention.BackfilledAt() is not null;

    protected override async Task RunAndRecordAsync(CancellationToken cancellationToken) =>
        await Retention.MarkBackfilled(await backfill.RunAsync(cancellationToken));
}
