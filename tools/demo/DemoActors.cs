using Actors.Contracts.Identity;

namespace Actors.Demo;

/// <summary>Who takes the plan's steps: the request's owner, an agent of its center, or the system (the payment deadline).</summary>
public static class DemoActors
{
    public static readonly Actor System = Actor.System("demo-data");

    /// <summary>The citizen who owns a planned request: the applicant, or a pupil's guardian, signed in with their card number.</summary>
    public static Actor Owner(PlannedRequest request) =>
        new(request.OwnerSubject, ActorRole.Citizen, NationalIdNumber: OwnerNationalIdNumber(request));

    public static string? OwnerNationalIdNumber(PlannedRequest request) =>
        DemoPeople.Guardian(request)?.NationalIdNumber ?? DemoPeople.Applicant(request).NationalIdNumber;

    public static Actor Agent(PlannedRequest request) => new("demo-agent-" + request.CenterId, ActorRole.Agent, request.CenterId);
}
