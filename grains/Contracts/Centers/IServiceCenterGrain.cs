using Orleans.Concurrency;
using Actors.Contracts.Identity;
using Actors.Contracts.Scheduling;

namespace Actors.Contracts.Centers;

/// <summary>One service center, keyed by its code. Refusals are DomainExceptions and change nothing.</summary>
public interface IServiceCenterGrain : IGrainWithStringKey
{
    Task<ServiceCenterView> Register(Actor actor, ServiceCenterProfile profile);

    Task<ServiceCenterView> UpdateReadiness(Actor actor, CenterReadiness readiness);

    Task<ServiceCenterView> ChangePhase(Actor actor, RolloutPhase phase, string? reason);

    Task<ServiceCenterView> ChangeServices(Actor actor, CenterKind kind, IReadOnlyList<CenterService> services, string? reason);

    /// <summary>Publishes the weekly opening hours (OPERATOR).</summary>
    Task<ServiceCenterView> SetOpeningHours(Actor actor, WeeklyHours hours);

    /// <summary>Publishes the open desks per category and the slot length per service (OPERATOR); both lists replace the old ones.</summary>
    Task<ServiceCenterView> SetDesks(Actor actor, IReadOnlyList<CategoryDesks> desks, IReadOnlyList<ServiceSlotLength> slotLengths);

    /// <summary>Closes the center on these days (OPERATOR) and returns the closure with its id; the same closure again returns the one there.</summary>
    Task<CenterClosure> AddClosure(Actor actor, DateOnly from, DateOnly to, string reason);

    Task<ServiceCenterView> RemoveClosure(Actor actor, string closureId);

    /// <summary>Adds the center's own period with other hours (OPERATOR); on its days it wins over a national period.</summary>
    Task<SpecialHoursPeriod> AddSpecialPeriod(Actor actor, string name, DateOnly from, DateOnly to, WeeklyHours hours);

    Task<ServiceCenterView> RemoveSpecialPeriod(Actor actor, string periodId);

    [ReadOnly]
    Task<ServiceCenterView?> Find();

    /// <summary>The center's published calendar (its own, or the standard week with desks from its readiness); null for no such center.</summary>
    [ReadOnly]
    Task<CenterCalendar?> Calendar();
}
