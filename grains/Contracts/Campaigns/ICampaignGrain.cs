using Actors.Contracts.Identity;
using Orleans.Concurrency;

namespace Actors.Contracts.Campaigns;

/// <summary>One campaign of the joint Education–Interior pupil pilot (key: its id), with its targets and counters.</summary>
public interface ICampaignGrain : IGrainWithGuidKey
{
    /// <summary>Creates the campaign (SUPERVISOR, EDUCATION_OFFICER); the same setup again returns it unchanged.</summary>
    Task<CampaignView> Create(Actor actor, CampaignSetup setup);

    /// <summary>Replaces the schools and their targets (SUPERVISOR, EDUCATION_OFFICER); each school in at most one running campaign.</summary>
    Task<CampaignView> SetSchools(Actor actor, IReadOnlyList<CampaignSchool> schools);

    [ReadOnly]
    Task<CampaignView?> Find();

    /// <summary>Counts each request's new milestones once (fed from request events; a replay changes nothing).</summary>
    Task ApplyRequests(IReadOnlyList<RequestMilestones> requests);

    /// <summary>How many of a school's pupils have been invited (an absolute figure, so that telling it twice is harmless).</summary>
    Task SetInvited(string schoolCode, int invited);
}
