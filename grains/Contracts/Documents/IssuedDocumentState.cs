namespace Actors.Contracts.Documents;

/// <summary>A document as stored: the issue facts, the seal made once at issue, and what happened to it since.</summary>
[GenerateSerializer]
public sealed class IssuedDocumentState
{
    [Id(0)] public DocumentIssue? Issue { get; set; }
    [Id(1)] public DateTimeOffset ValidUntil { get; set; }
    [Id(2)] public string Issuer { get; set; } = "";
    [Id(3)] public string KeyId { get; set; } = "";
    [Id(4)] public string QrText { get; set; } = "";
    [Id(5)] public DocumentRevocation? Revocation { get; set; }
    [Id(6)] public string? SupersededBy { get; set; }
    [Id(7)] public DateTimeOffset? SupersededAt { get; set; }

    /// <summary>Whether the holder's older documents were superseded (repeated after a crash until done).</summary>
    [Id(8)] public bool HolderRecorded { get; set; }

    /// <summary>One-time download links, by the SHA-256 of their token: the token itself is never stored.</summary>
    [Id(9)] public List<DownloadLinkRecord> DownloadLinks { get; set; } = [];

    /// <summary>When the retention purge removed the holder's data (null while it is kept).</summary>
    [Id(10)] public DateTimeOffset? PurgedAt { get; set; }
}
