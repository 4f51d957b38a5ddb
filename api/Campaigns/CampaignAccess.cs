using Actors.Api.GraphQL;
using Actors.Api.Progress;
using Actors.Contracts.Identity;
using GraphQL;

namespace Actors.Api.Campaigns;

/// <summary>
/// Who sees campaigns: those who run them (EDUCATION_OFFICER, SUPERVISOR) and those who follow them (ANALYST,
/// OPERATOR). A campaign holds targets and counters, no pupil's data.
/// </summary>
public static class CampaignAccess
{
    private static readonly ActorRole[] Readers = [ActorRole.EducationOfficer, ActorRole.Supervisor, ActorRole.Analyst, ActorRole.Operator];

    public static Actor RequireCampaignReader(this IResolveFieldContext context) => context.RequireRole(Readers);

    public static bool MayReadCampaigns(this IResolveFieldContext context) => context.Actor() is { } actor && Readers.Contains(actor.Role);

    /// <summary>
    /// Those who run campaigns hold the enrolment lists anyway and see exact counts; those who follow them see small
    /// counts withheld, as in progress.
    /// </summary>
    public static int SuppressionThresholdFor(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is ActorRole.EducationOfficer or ActorRole.Supervisor ? 0 : ProgressQueries.SuppressionThreshold;
    }

    public static Actor RequireCampaignEditor(this IResolveFieldContext context) =>
        context.RequireRole(ActorRole.EducationOfficer, ActorRole.Supervisor);
}
