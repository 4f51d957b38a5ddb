using Orleans.Concurrency;
using Actors.Contracts.Identity;

namespace Actors.Contracts.Centers;

/// <summary>One service center, keyed by its code. Refusals are DomainExceptions and change nothing.</summary>
public interface IServiceCenterGrain : IGrainWithStringKey
{
    Task<ServiceCenterView> Register(Actor actor, ServiceCenterProfile profile);

    Task<ServiceCenterView> UpdateReadiness(Actor actor, CenterReadiness readiness);

    Task<ServiceCenterView> ChangePhase(Actor actor, RolloutPhase phase, string? reason);

    Task<ServiceCenterView> ChangeServices(Actor actor, CenterKind kind, IReadOnlyList<CenterService> services, string? reason);

    [ReadOnly]
    Task<ServiceCenterView?> Find();

    /// <summary>The center's published calendar (its own, or the standard week with desks from its readiness); null for no such center.</summary>
    [ReadOnly]
    Task<Scheduling.CenterCalendar?> Calendar();
}
