namespace Actors.Contracts.Documents;

/// <summary>One holder's documents, keyed by a one-way holder key, so that a newer extract supersedes the older ones.</summary>
public interface IDocumentHolderGrain : IGrainWithStringKey
{
    Task<HolderStanding> Record(string number, DateTimeOffset issuedAt);

    /// <summary>
    /// The retention purge of a document: it leaves the holder's list, and a holder with no document left is forgotten
    /// (the stored row goes: its key is a hash of the holder's identity). Repeating it changes nothing.
    /// </summary>
    Task Forget(string number);
}
