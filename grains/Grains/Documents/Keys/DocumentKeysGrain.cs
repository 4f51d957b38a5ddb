using Actors.Contracts.Documents;
using Orleans.Concurrency;

namespace Actors.Grains.Documents.Keys;

/// <summary>Answers with the published keys from the silo's own ring: no state, so any silo answers locally.</summary>
[StatelessWorker]
public sealed class DocumentKeysGrain(DocumentKeyRingProvider keys, TimeProvider clock) : Grain, IDocumentKeysGrain
{
    public Task<string> PublishedJson() => Task.FromResult(keys.Ring.Published(clock.GetUtcNow()).ToJson());
}
