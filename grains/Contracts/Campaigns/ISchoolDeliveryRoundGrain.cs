using Actors.Contracts.Identity;
using Orleans.Concurrency;

namespace Actors.Contracts.Campaigns;

/// <summary>
/// One delivery round of a campaign school's cards (key: <see cref="SchoolDeliveryRoundIds.For"/>): prepared at a center,
/// dispatched, handed over at the school. Each card handed over goes through its request's own CONFIRM_DELIVERY.
/// Refusals are <see cref="Errors.DomainException"/>s and change nothing.
/// </summary>
public interface ISchoolDeliveryRoundGrain : IGrainWithGuidKey
{
    /// <summary>Prepares the round (AGENT); the same key and plan again returns it.</summary>
    Task<SchoolDeliveryRoundView> Prepare(Actor actor, SchoolDeliveryPlan plan);

    Task<SchoolDeliveryRoundView> Dispatch(Actor actor);

    /// <summary>Records the handover (AGENT of the center, EDUCATION_OFFICER); the same handover again finishes or returns it.</summary>
    Task<SchoolDeliveryRoundView> RecordHandover(Actor actor, SchoolHandover handover);

    Task<SchoolDeliveryRoundView> Cancel(Actor actor, string? reason);

    /// <summary>The round if it exists and the actor may see it; otherwise null (the two look alike).</summary>
    [ReadOnly]
    Task<SchoolDeliveryRoundView?> Find(Actor actor);
}
