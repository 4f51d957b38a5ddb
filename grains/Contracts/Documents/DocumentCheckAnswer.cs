using Actors.Contracts.Requests;

namespace Actors.Contracts.Documents;

/// <summary>
/// What a third party learns online once they prove they know the holder's birth date, and nothing else:
/// the standing, the kind, the dates, the holder's name as printed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DocumentCheckAnswer(
    [property: Id(0)] DocumentStatus Status,
    [property: Id(1)] RequestKind Kind,
    [property: Id(2)] DateOnly IssuedOn,
    [property: Id(3)] DateOnly ValidUntil,
    [property: Id(4)] string HolderName,
    [property: Id(5)] string? HolderNameLatin,
    [property: Id(6)] DateTimeOffset IssuedAt);
