using Actors.Contracts.Documents;
using Actors.Contracts.Naming;

namespace Actors.Grains.Documents;

public sealed class HolderKeyBackfillGrain(
    [PersistentState(StorageNames.HolderKeyBackfillState, StorageNames.Domain)] IPersistentState<HolderKeyBackfillState> state,
    TimeProvider clock)
    : Grain, IHolderKeyBackfillGrain
{
    public Task<DateTimeOffset?> DoneAt() => Task.FromResult(state.State.DoneAt);

    public async Task MarkDone(int holdersVisited)
    {
        if (state.State.DoneAt is not null)
        {
            return;
        }

        state.State.DoneAt = clock.GetUtcNow();
        state.State.HoldersVisited = holdersVisited;
        await state.WriteStateAsync();
    }
}
