using Actors.Contracts.Documents;
using Actors.Contracts.Naming;

namespace Actors.Grains.Documents;

public sealed class DocumentCheckLogGrain(
    [PersistentState(StorageNames.DocumentCheckLogState, StorageNames.Domain)] IPersistentState<DocumentCheckLogState> state)
    : Grain, IDocumentCheckLogGrain
{
    /// <summary>The newest checks kept per code; the rate limits keep far fewer than this in any window.</summary>
    public const int Kept = 200;

    public async Task Append(DocumentCheck check)
    {
        state.State.Checks.Insert(0, check);
        if (state.State.Checks.Count > Kept)
        {
            state.State.Checks.RemoveAt(state.State.Checks.Count - 1);
            state.State.Dropped++;
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<DocumentCheck>> Recent() => Task.FromResult<IReadOnlyList<DocumentCheck>>(state.State.Checks.ToList());
}
