using Actors.Contracts.Identity;
using Orleans.Concurrency;

namespace Actors.Contracts.Documents;

/// <summary>One issued document, keyed by its number (the verification code printed on it).</summary>
public interface IIssuedDocumentGrain : IGrainWithStringKey
{
    /// <summary>Seals and records the document, and supersedes the holder's older ones; repeating it returns the same document.</summary>
    Task<IssuedDocument> Issue(DocumentIssue issue);

    /// <summary>The online answer when the code exists and the birth date matches.</summary>
    [ReadOnly]
    Task<DocumentLookup> Lookup(DateOnly holderBirthDate);

    /// <summary>The document for its owner, an agent of its center or a supervisor of its governorate; otherwise null (not found and not yours look alike).</summary>
    [ReadOnly]
    Task<IssuedDocument?> Read(Actor actor);

    /// <summary>Withdraws the document (SUPERVISOR of its governorate), with a reason code.</summary>
    Task<IssuedDocument> Revoke(Actor actor, RevocationReason reason, string? note);

    /// <summary>Marks the document superseded by a newer extract of the same holder; repeating it is harmless.</summary>
    Task Supersede(string newerNumber, DateTimeOffset at);

    /// <summary>
    /// The holder stored under <paramref name="fromKey"/> was adopted by <paramref name="toKey"/>: the document points
    /// there, so that its purge forgets it there, and keeps no unkeyed key. Repeating it changes nothing.
    /// </summary>
    Task MoveHolder(string fromKey, string toKey);

    /// <summary>A one-time, expiring download link for the owner.</summary>
    Task<DocumentDownloadLink> CreateDownloadLink(Actor actor);

    /// <summary>The document when the token is one of its links, unused and unexpired (the link is then used up); otherwise null.</summary>
    Task<IssuedDocument?> RedeemDownloadLink(string token);

    /// <summary>
    /// The retention purge of its request reached the document: the holder's names, birth date, key and the QR text go;
    /// number, kind, dates, standing and revocation stay. From then on the document is neither shown nor verified online.
    /// True when this call purged it; repeating it changes nothing.
    /// </summary>
    Task<bool> Purge();
}
