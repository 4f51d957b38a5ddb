using Actors.Contracts.Documents;
using Actors.Contracts.Naming;

namespace Actors.Grains.Documents;

public sealed class DocumentHolderGrain(
    [PersistentState(StorageNames.DocumentHolderState, StorageNames.Domain)] IPersistentState<DocumentHolderState> state)
    : Grain, IDocumentHolderGrain
{
    public async Task<HolderStanding> Record(string number, DateTimeOffset issuedAt)
    {
        var documents = state.State.Documents;
        if (!documents.Exists(d => d.Number == number))
        {
            documents.Add(new HolderDocument(number, issuedAt));
            await state.WriteStateAsync();
        }

        // Newest by issue time; two issued within the same second (the seal's precision) by the order recorded.
        var newest = documents.Select((d, order) => (d.Number, d.IssuedAt, order))
            .OrderByDescending(d => d.IssuedAt).ThenByDescending(d => d.order).First().Number;
        var older = newest == number
            ? documents.Where(d => d.Number != number).Select(d => d.Number).ToList()
            : [];
        return new HolderStanding(older, newest == number ? null : newest);
    }

    public async Task Forget(string number)
    {
        if (state.State.Documents.RemoveAll(d => d.Number == number) == 0)
        {
            return;
        }

        if (state.State.Documents.Count == 0)
        {
            await state.ClearStateAsync();
        }
        else
        {
            await state.WriteStateAsync();
        }
    }
}
