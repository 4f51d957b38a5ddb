using Actors.Contracts.Documents;
using Actors.Contracts.Naming;

namespace Actors.Grains.Documents;

public sealed class DocumentHolderGrain(
    [PersistentState(StorageNames.DocumentHolderState, StorageNames.Domain)] IPersistentState<DocumentHolderState> state)
    : Grain, IDocumentHolderGrain
{
    private List<HolderDocument> Held => state.State.Documents;

    public async Task<HolderStanding> Record(string number, DateTimeOffset issuedAt)
    {
        if (!Held.Exists(d => d.Number == number))
        {
            Held.Add(new HolderDocument(number, issuedAt));
            await state.WriteStateAsync();
        }

        var newest = Newest();
        var older = newest.Number == number
            ? Held.Where(d => d.Number != number).Select(d => d.Number).ToList()
            : [];
        return new HolderStanding(older, newest.Number == number ? null : newest.Number);
    }

    public async Task<HolderStanding> RecordAdopting(string number, DateTimeOffset issuedAt, string legacyKey)
    {
        await Adopt(legacyKey);
        return await Record(number, issuedAt);
    }

    public async Task Adopt(string legacyKey)
    {
        var own = this.GetPrimaryKeyString();
        if (string.IsNullOrEmpty(legacyKey) || legacyKey == own)
        {
            return;
        }

        // Read, write here, repoint, then forget there: a failure at any step leaves the documents listed under one key
        // at least, and the retry finds the rest to do.
        var legacy = GrainFactory.Reference<IDocumentHolderGrain>(legacyKey);
        var theirs = await legacy.Documents();
        if (theirs.Count == 0)
        {
            return;
        }

        var adopted = theirs.Where(d => !Held.Exists(h => h.Number == d.Number)).ToList();
        if (adopted.Count > 0)
        {
            Held.AddRange(adopted);
            await state.WriteStateAsync();
        }

        foreach (var document in theirs)
        {
            await GrainFactory.Reference<IIssuedDocumentGrain>(document.Number).MoveHolder(legacyKey, own);
        }

        // Both lists may each have had a valid document (an old silo issued under the legacy key while this one issued
        // here, during a rollout without Documents:KeepLegacyHolders): the newest of the merged list supersedes the rest.
        // Supersede changes nothing on a document already superseded.
        if (adopted.Count > 0 && Held.Count > 1)
        {
            var newest = Newest();
            foreach (var document in Held.Where(d => d.Number != newest.Number))
            {
                await GrainFactory.Reference<IIssuedDocumentGrain>(document.Number).Supersede(newest.Number, newest.IssuedAt);
            }
        }

        await legacy.ForgetAll();
    }

    public Task<IReadOnlyList<HolderDocument>> Documents() => Task.FromResult<IReadOnlyList<HolderDocument>>(Held.ToList());

    public async Task ForgetAll()
    {
        if (Held.Count > 0 || state.RecordExists)
        {
            Held.Clear();
            await ClearAndLeave();
        }
    }

    public async Task Forget(string number)
    {
        if (Held.RemoveAll(d => d.Number == number) == 0)
        {
            return;
        }

        if (Held.Count == 0)
        {
            await ClearAndLeave();
        }
        else
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>
    /// Clears the state, whose row PostgreSQL storage deletes (DeleteStateOnClear), and ends the activation: the version
    /// the provider keeps after a delete names a row that no longer exists, so a later write here would be refused as
    /// stale. The next call activates afresh, finds no row and inserts one.
    /// </summary>
    private async Task ClearAndLeave()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>Newest by issue time; two issued within the same second (the seal's precision) by the order recorded.</summary>
    private HolderDocument Newest() =>
        Held.Select((d, order) => (Document: d, Order: order))
            .OrderByDescending(d => d.Document.IssuedAt).ThenByDescending(d => d.Order).First().Document;
}
