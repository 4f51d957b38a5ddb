using Actors.Contracts.Identity;

namespace Actors.Contracts.Requests;

/// <summary>
/// Coarse visibility of requests: citizens their own, agents their center's, supervisors their
/// governorate's; analysts and operators see none individually (they read aggregates). Every check of
/// "is this the owner" goes through <see cref="IsOwner"/>, so that ownership has one meaning everywhere.
/// </summary>
public static class RequestAccess
{
    /// <summary>
    /// The issuer of every token before ownership recorded issuers: the development issuer (<c>Auth:Issuer</c>'s default).
    /// A request stored without an owner issuer belongs to that issuer's subject, and an in-process caller with no issuer
    /// (tools, tests) is that issuer too; every other issuer is another population of people.
    /// </summary>
    public const string LegacyIssuer = "actors-dev";

    /// <summary>
    /// Is this caller the request's owner: the same (issuer, subject) as the submitter, or a citizen whose token carries
    /// the national ID number the request belongs to (how a walk-in made at a desk is claimed). An owner without a
    /// subject (a walk-in) is never matched by subject, and an education officer owns only what they submitted.
    /// </summary>
    public static bool IsOwner(Actor actor, RequestOwner owner)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(owner);
        if (actor.Role is not (ActorRole.Citizen or ActorRole.EducationOfficer))
        {
            return false;
        }

        var samePerson = owner.Subject.Length > 0 && actor.Subject == owner.Subject && SameIssuer(actor.Issuer, owner.Issuer);
        var sameCitizen = actor.Role == ActorRole.Citizen && actor.NationalIdNumber is { Length: > 0 } number && number == owner.NationalIdNumber;
        return samePerson || sameCitizen;
    }

    /// <summary>Two issuers are the same when equal, an empty one standing for <see cref="LegacyIssuer"/>.</summary>
    public static bool SameIssuer(string? left, string? right) =>
        string.Equals(Normalized(left), Normalized(right), StringComparison.Ordinal);

    /// <summary>The issuer as ownership compares it: empty is <see cref="LegacyIssuer"/>.</summary>
    public static string Normalized(string? issuer) => string.IsNullOrEmpty(issuer) ? LegacyIssuer : issuer;

    public static bool IsInScope(Actor actor, RequestOwner owner, string centerId, string governorate)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            ActorRole.Citizen or ActorRole.EducationOfficer => IsOwner(actor, owner),
            ActorRole.Agent => actor.CenterId is not null && actor.CenterId == centerId,
            ActorRole.Supervisor => actor.Governorate is not null && actor.Governorate == governorate,
            ActorRole.System => true,
            _ => false,
        };
    }

    public static bool MaySee(Actor actor, CitizenRequestView request) =>
        IsInScope(actor, RequestOwner.Of(request), request.CenterId, request.Governorate);
}
