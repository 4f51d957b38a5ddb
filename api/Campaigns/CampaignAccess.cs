using Actors.Api.Authorization;
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
    // The readers are the authorization matrix's row for campaign(id:), so that node(id:) and a round's campaign agree with it.
    private static readonly AccessRule Readers = AuthorizationMatrix.For("Query.campaign");

    public static Actor RequireCampaignReader(this IResolveFieldContext context)
    {
        FieldAuthorization.Demand(Readers, context);
        return context.RequireActor();
    }

    public static bool MayReadCampaigns(this IResolveFieldContext context) => Readers.For(context.Actor()) != AccessScope.None;

    /// <summary>
    /// Those who run campaigns hold the enrolment lists anyway and see exact counts; those who follow them see small
    /// counts withheld, as in progress.
    /// </summary>
    public static int SuppressionThresholdFor(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is ActorRole.EducationOfficer or ActorRole.Supervisor ? 0 : ProgressQueries.SuppressionThreshold;
    }
}
