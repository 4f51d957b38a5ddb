using Actors.Contracts.Documents;
using Actors.Contracts.Naming;

namespace Actors.Grains.Documents;

public sealed class DocumentHolderGrain(
    [PersistentState(StorageNames.DocumentHolderState, StorageNames.Domain)] IPersistentState<DocumentHolderState> state)
    : Grain, IDocumentHolderGrain
{
    public async Task<HolderStanding> Record(string number, DateTimeOffset issuedAt)
    {
        if (!state.State.Documents.ContainsKey(number))
        {
            state.State.Documents[number] = issuedAt;
            await state.WriteStateAsync();
        }

        // Newest by issue time, the number breaking a tie, so every caller agrees on which one stands.
        var newest = state.State.Documents.OrderByDescending(d => d.Value).ThenByDescending(d => d.Key, StringComparer.Ordinal).First().Key;
        var older = newest == number
            ? state.State.Documents.Keys.Where(n => n != number).ToList()
            : [];
        return new HolderStanding(older, newest == number ? null : newest);
    }
}
