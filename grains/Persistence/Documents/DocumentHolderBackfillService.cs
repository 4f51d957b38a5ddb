using Actors.Contracts.Documents;
using Actors.Contracts.Naming;
using Actors.Persistence.Backfills;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Persistence.Documents;

/// <summary>
/// Runs <see cref="DocumentHolderBackfill"/> once for the whole system. Not while legacy holders are still kept
/// (<c>Documents:KeepLegacyHolders</c>, during a rollout): old silos may still record under the unkeyed key.
/// </summary>
public sealed class DocumentHolderBackfillService(DocumentHolderBackfill backfill, IGrainFactory grains, IServiceProvider services,
    ILogger<DocumentHolderBackfillService> logger) : OnceAtStartBackfillService(logger)
{
    // A host without documents (some test silos) has no holder keys and nothing to adopt.
    private readonly IDocumentHolderKeys? keys = services.GetService<IDocumentHolderKeys>();

    protected override string Name => "Holder key backfill";

    protected override bool Applies => keys is { KeepsLegacyHolders: false };

    private IHolderKeyBackfillGrain Marker => grains.Reference<IHolderKeyBackfillGrain>(0);

    protected override async Task<bool> IsDoneAsync() => await Marker.DoneAt() is not null;

    protected override async Task RunAndRecordAsync(CancellationToken cancellationToken) =>
        await Marker.MarkDone(await backfill.RunAsync(keys!, cancellationToken));
}
