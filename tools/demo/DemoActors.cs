using Actors.Contracts.Identity;

namespace Actors.Demo;

/// <summary>Who takes the plan's steps: the request's owner, an agent of its center, or the system (the payment deadline).</summary>
public static class DemoActors
{
    public static readonly Actor System = Actor.System("demo-data");

    public static Actor Owner(PlannedRequest request) => new(request.OwnerSubject, ActorRole.Citizen);

    public static Actor Agent(PlannedRequest request) => new("demo-agent-" + request.CenterId, ActorRole.Agent, request.CenterId);
}
