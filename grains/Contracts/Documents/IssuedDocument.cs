using Actors.Contracts.Requests;

namespace Actors.Contracts.Documents;

/// <summary>
/// What a third party may learn about an issued digital document once they prove they know the
/// holder's birth date: that it is genuine, whose it is, when it was issued.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IssuedDocument(
    [property: Id(0)] string Code,
    [property: Id(1)] RequestKind Kind,
    [property: Id(2)] string Reference,
    [property: Id(3)] string HolderName,
    [property: Id(4)] DateTimeOffset IssuedAt,
    [property: Id(5)] bool Revoked);
