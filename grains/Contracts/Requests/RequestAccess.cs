using Actors.Contracts.Identity;

namespace Actors.Contracts.Requests;

/// <summary>
/// Coarse visibility of requests: citizens their own, agents their center's, supervisors their
/// governorate's; analysts and operators see none individually (they read aggregates).
/// </summary>
public static class RequestAccess
{
    public static bool IsInScope(Actor actor, string ownerSubject, string centerId, string governorate) => actor.Role switch
    {
        ActorRole.Citizen => actor.Subject == ownerSubject,
        ActorRole.Agent => actor.CenterId is not null && actor.CenterId == centerId,
        ActorRole.Supervisor => actor.Governorate is not null && actor.Governorate == governorate,
        ActorRole.EducationOfficer => actor.Subject == ownerSubject,
        ActorRole.System => true,
        _ => false,
    };

    public static bool MaySee(Actor actor, CitizenRequestView request) =>
        IsInScope(actor, request.OwnerSubject, request.CenterId, request.Governorate);
}
