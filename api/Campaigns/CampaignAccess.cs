using Actors.Api.GraphQL;
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

    public static Actor RequireCampaignEditor(this IResolveFieldContext context) =>
        context.RequireRole(ActorRole.EducationOfficer, ActorRole.Supervisor);
}
