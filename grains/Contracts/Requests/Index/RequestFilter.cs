namespace Actors.Contracts.Requests.Index;

/// <summary>
/// All conditions are ANDed; an empty or null list means "any". <see cref="SchoolCode"/>: only pupils of that school.
/// The owner is one condition: (<see cref="OwnerSubject"/> and, when set, <see cref="OwnerIssuer"/>, compared as
/// <see cref="RequestAccess.Normalized"/> issuers) or <see cref="OwnerNationalIdNumber"/>, as <see cref="RequestAccess.IsOwner"/> says.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestFilter(
    [property: Id(0)] IReadOnlyList<RequestKind>? Kinds = null,
    [property: Id(1)] IReadOnlyList<RequestStatus>? Statuses = null,
    [property: Id(2)] IReadOnlyList<string>? Governorates = null,
    [property: Id(3)] IReadOnlyList<string>? CenterIds = null,
    [property: Id(4)] string? OwnerSubject = null,
    [property: Id(5)] DateTimeOffset? SubmittedFrom = null,
    [property: Id(6)] DateTimeOffset? SubmittedBefore = null,
    [property: Id(7)] bool? IsPupil = null,
    [property: Id(8)] bool? Overdue = null,
    [property: Id(9)] bool? Escalated = null,
    [property: Id(10)] string? SchoolCode = null,
    [property: Id(11)] string? OwnerIssuer = null,
    [property: Id(12)] string? OwnerNationalIdNumber = null)
{
    /// <summary>Does an owner match the owner condition (true when the filter has none)?</summary>
    public bool MatchesOwner(string ownerIssuer, string ownerSubject, string? ownerNationalIdNumber)
    {
        if (OwnerSubject is null && OwnerNationalIdNumber is null)
        {
            return true;
        }

        var bySubject = OwnerSubject is not null && string.Equals(OwnerSubject, ownerSubject, StringComparison.Ordinal)
            && (OwnerIssuer is null || RequestAccess.SameIssuer(OwnerIssuer, ownerIssuer));
        var byNumber = OwnerNationalIdNumber is not null && string.Equals(OwnerNationalIdNumber, ownerNationalIdNumber, StringComparison.Ordinal);
        return bySubject || byNumber;
    }
}
