using Actors.Contracts.Requests;

namespace Actors.Contracts.Documents;

/// <summary>
/// A signed document as its holder and the desk see it: what the seal says, the QR text itself, and its standing now.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IssuedDocument(
    [property: Id(0)] string Number,
    [property: Id(1)] RequestKind Kind,
    [property: Id(2)] Guid RequestId,
    [property: Id(3)] string GivenName,
    [property: Id(4)] string FamilyName,
    [property: Id(5)] string? GivenNameLatin,
    [property: Id(6)] string? FamilyNameLatin,
    [property: Id(7)] DateOnly BirthDate,
    [property: Id(8)] DateTimeOffset IssuedAt,
    [property: Id(9)] DateTimeOffset ValidUntil,
    [property: Id(10)] string Issuer,
    [property: Id(11)] string KeyId,
    [property: Id(12)] string QrText,
    [property: Id(13)] DocumentStatus Status,
    [property: Id(14)] DocumentRevocation? Revocation,
    [property: Id(15)] string? SupersededBy,
    [property: Id(16)] DateTimeOffset? SupersededAt);
