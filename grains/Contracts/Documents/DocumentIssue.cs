using Actors.Contracts.Requests;

namespace Actors.Contracts.Documents;

/// <summary>
/// What an issued request hands to its document: who may see it (owner, center, governorate), which holder it is
/// for (a one-way key, to find the holder's older documents; the unkeyed key of earlier releases too, to adopt what was
/// stored under it), and the few facts the signed payload carries. An old release sends no legacy key: its holder key is
/// the unkeyed one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DocumentIssue(
    [property: Id(0)] string Number,
    [property: Id(1)] Guid RequestId,
    [property: Id(2)] RequestKind Kind,
    [property: Id(3)] string OwnerSubject,
    [property: Id(4)] string CenterId,
    [property: Id(5)] string Governorate,
    [property: Id(6)] string HolderKey,
    [property: Id(7)] string GivenName,
    [property: Id(8)] string FamilyName,
    [property: Id(9)] string? GivenNameLatin,
    [property: Id(10)] string? FamilyNameLatin,
    [property: Id(11)] DateOnly BirthDate,
    [property: Id(12)] DateTimeOffset IssuedAt,
    [property: Id(13)] string OwnerIssuer = "",
    [property: Id(14)] string? OwnerNationalIdNumber = null,
    [property: Id(15)] string LegacyHolderKey = "")
{
    /// <summary>The request's owner, who owns the document too.</summary>
    public RequestOwner Owner() => new(OwnerIssuer, OwnerSubject, OwnerNationalIdNumber);
}
