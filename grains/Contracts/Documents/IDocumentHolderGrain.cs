namespace Actors.Contracts.Documents;

/// <summary>One holder's documents, keyed by a one-way holder key, so that a newer extract supersedes the older ones.</summary>
public interface IDocumentHolderGrain : IGrainWithStringKey
{
    Task<HolderStanding> Record(string number, DateTimeOffset issuedAt);

    /// <summary>
    /// <see cref="Record"/> under the keyed holder key, after adopting the documents of the holder stored under the
    /// unkeyed key of earlier releases (<paramref name="legacyKey"/>, the same person): they join this list, their documents
    /// point here, and the legacy holder is forgotten. Repeating it changes nothing.
    /// </summary>
    Task<HolderStanding> RecordAdopting(string number, DateTimeOffset issuedAt, string legacyKey);

    /// <summary>The adoption of <see cref="RecordAdopting"/> alone, for holders no document reaches any more (the backfill).</summary>
    Task Adopt(string legacyKey);

    /// <summary>The holder's documents, in the order recorded (what an adopting holder takes over).</summary>
    Task<IReadOnlyList<HolderDocument>> Documents();

    /// <summary>A legacy holder once adopted: its list and its stored row go. Repeating it changes nothing.</summary>
    Task ForgetAll();

    /// <summary>
    /// The retention purge of a document: it leaves the holder's list, and a holder with no document left is forgotten
    /// (the stored row goes: its key is a hash of the holder's identity). Repeating it changes nothing.
    /// </summary>
    Task Forget(string number);
}
