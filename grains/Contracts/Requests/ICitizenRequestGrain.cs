using Orleans.Concurrency;
using Actors.Contracts.Identity;

namespace Actors.Contracts.Requests;

/// <summary>
/// One citizen request. Its key is derived from the submitter and their idempotency key, so a
/// retried submission lands on the same grain and gets the same request back.
/// Refusals are <see cref="Errors.DomainException"/>s and change nothing.
/// </summary>
public interface ICitizenRequestGrain : IGrainWithGuidKey
{
    Task<CitizenRequestView> SubmitIdCard(Actor actor, IdCardApplication application);

    Task<CitizenRequestView> SubmitCriminalRecord(Actor actor, CriminalRecordApplication application);

    Task<CitizenRequestView> Perform(Actor actor, RequestCommand command);

    /// <summary>The request if it exists and the actor may see it; otherwise null (the two look alike).</summary>
    [ReadOnly]
    Task<CitizenRequestView?> Find(Actor actor);
}
