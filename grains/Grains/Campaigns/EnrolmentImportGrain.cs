using Actors.Contracts.Campaigns;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Grains.Persistence;

namespace Actors.Grains.Campaigns;

/// <summary>
/// The document of one enrolment import: the endpoint records each batch as it goes (so the officer can watch it
/// grow) and finishes it; afterwards it is read back by its id.
/// </summary>
public sealed class EnrolmentImportGrain(
    [PersistentState(StorageNames.EnrolmentImportState, StorageNames.Domain)] IPersistentState<EnrolmentImportState> state,
    TimeProvider clock) : Grain, IEnrolmentImportGrain
{
    public async Task<EnrolmentImportView> Start(Guid campaignId, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (state.State.View is { } existing)
        {
            return existing;
        }

        state.State.View = new EnrolmentImportView(this.GetPrimaryKey(), campaignId, EnrolmentImportStatus.Running, actor.Describe(),
            clock.GetUtcNow(), null, 0, 0, 0, 0, 0, [], null);
        await state.WriteOrRestoreAsync(this);
        return state.State.View;
    }

    public async Task Record(int rowsRead, EnrolmentBatchResult batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var view = Running();
        var kept = view.Rejected.Concat(batch.Rejected).Take(IEnrolmentImportGrain.RejectionsKept).ToList();
        state.State.View = view with
        {
            RowsRead = Math.Max(view.RowsRead, rowsRead),
            Created = view.Created + batch.Created,
            Updated = view.Updated + batch.Updated,
            Unchanged = view.Unchanged + batch.Unchanged,
            RejectedCount = view.RejectedCount + batch.Rejected.Count,
            Rejected = kept,
        };
        await state.WriteOrRestoreAsync(this);
    }

    public async Task<EnrolmentImportView> Finish(string? failure)
    {
        var view = Running();
        state.State.View = view with
        {
            Status = failure is null ? EnrolmentImportStatus.Completed : EnrolmentImportStatus.Failed,
            FinishedAt = clock.GetUtcNow(),
            Failure = failure,
            Rejected = view.Rejected.OrderBy(r => r.Line).ToList(),
        };
        await state.WriteOrRestoreAsync(this);
        return state.State.View;
    }

    public Task<EnrolmentImportView?> Find() => Task.FromResult(state.State.View);

    private EnrolmentImportView Running() =>
        state.State.View is { Status: EnrolmentImportStatus.Running } view
            ? view
            : throw new InvalidOperationException("The import is not running.");
}
