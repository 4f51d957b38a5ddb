namespace Actors.Contracts.Documents;

/// <summary>A one-time link to the document's PDF: the token goes in the URL, works once, and expires.</summary>
[GenerateSerializer, Immutable]
public sealed record DocumentDownloadLink(
    [property: Id(0)] string Number,
    [property: Id(1)] string Token,
    [property: Id(2)] DateTimeOffset ExpiresAt);
