using Orleans.Concurrency;

namespace Actors.Contracts.Documents;

/// <summary>The issuer's public document keys, as <c>/.well-known/document-keys</c> serves them. Key 0.</summary>
public interface IDocumentKeysGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The published key set as JSON at the silo's "now": every key a verifier may still need. A string, so that the
    /// signed-document library's types stay out of grain serialization.
    /// </summary>
    [ReadOnly]
    Task<string> PublishedJson();
}
