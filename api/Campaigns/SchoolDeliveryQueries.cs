using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Campaigns;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests.Index;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public static class SchoolDeliveryQueries
{
    public static void AddSchoolDeliveryQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Register(SchoolDeliveryRoundType.TypeName, async (ctx, key) =>
            ctx.Actor() is { } actor && Guid.TryParseExact(key, "N", out var id)
                ? await ctx.Service<IGrainFactory>().Reference<ISchoolDeliveryRoundGrain>(id).Find(actor)
                : null);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SchoolDeliveryCandidateType>>>>("schoolDeliveryCandidates")
            .Description("A campaign school's pupils' cards READY_FOR_DELIVERY (AGENT: at their center; SUPERVISOR: in their governorate; "
                         + "EDUCATION_OFFICER), by reference, each with the open round that holds it. At most 1000.")
            .Argument<NonNullGraphType<IdGraphType>>("campaignId")
            .Argument<NonNullGraphType<StringGraphType>>("schoolCode")
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                var (campaignId, school) = await School(ctx);
                var (centerId, governorate) = actor.Role switch
                {
                    ActorRole.Agent => (actor.CenterId ?? throw ApiErrors.Forbidden("This agent's token names no center."), null),
                    ActorRole.Supervisor => (null, actor.Governorate ?? throw ApiErrors.Forbidden("This supervisor's token names no governorate.")),
                    _ => ((string?)null, actor.Governorate),
                };
                var ready = await SchoolDeliveryCandidates.ReadyAsync(ctx.Service<IRequestIndex>(), school.Code, centerId, governorate, ctx.CancellationToken);
                var open = await ctx.Service<IGrainFactory>().Reference<ISchoolDeliveryBoardGrain>(ISchoolDeliveryBoardGrain.KeyOf(campaignId, school.Code)).OpenCards();
                return ready.Select(e => SchoolDeliveryCandidates.Of(e, open.TryGetValue(e.Id, out var round) ? round : null)).ToList();
            });

        query.Field<SchoolDeliveryRoundType>("schoolDeliveryRound")
            .Description("A delivery round (AGENT of its center, SUPERVISOR of its governorate, EDUCATION_OFFICER); null with NOT_FOUND when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                var id = GlobalId.DecodeGuid(ctx.GetArgument<string>("id"), SchoolDeliveryRoundType.TypeName);
                return await ctx.Service<IGrainFactory>().Reference<ISchoolDeliveryRoundGrain>(id).Find(actor) ?? throw ApiErrors.NotFound();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SchoolDeliveryRoundType>>>>("schoolDeliveryRounds")
            .Description("A campaign school's delivery rounds that the caller may see (AGENT, SUPERVISOR, EDUCATION_OFFICER), newest first.")
            .Argument<NonNullGraphType<IdGraphType>>("campaignId")
            .Argument<NonNullGraphType<StringGraphType>>("schoolCode")
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                var (campaignId, school) = await School(ctx);
                var grains = ctx.Service<IGrainFactory>();
                var ids = await grains.Reference<ISchoolDeliveryBoardGrain>(ISchoolDeliveryBoardGrain.KeyOf(campaignId, school.Code)).Rounds();
                var rounds = await Task.WhenAll(ids.Select(id => grains.Reference<ISchoolDeliveryRoundGrain>(id).Find(actor)));
                return rounds.OfType<SchoolDeliveryRoundView>().OrderByDescending(r => r.PreparedAt).ToList();
            });
    }

    /// <summary>The campaign and its school named by the arguments: NOT_FOUND for no campaign, SCHOOL_NOT_IN_CAMPAIGN for a school it does not have.</summary>
    private static async Task<(Guid CampaignId, CampaignSchool School)> School(IResolveFieldContext ctx)
    {
        var campaignId = GlobalId.DecodeGuid(ctx.GetArgument<string>("campaignId"), CampaignType.TypeName, "campaignId");
        var code = (ctx.GetArgument<string>("schoolCode") ?? "").Trim().ToUpperInvariant();
        var campaign = await ctx.Service<IGrainFactory>().Reference<ICampaignGrain>(campaignId).Find() ?? throw ApiErrors.NotFound();
        var school = campaign.Schools.FirstOrDefault(s => s.Code == code)
            ?? throw ApiErrors.With(ErrorCodes.SchoolNotInCampaign, $"School {code} is not one of the schools of campaign {campaign.Name}.", ("schoolCode", code));
        return (campaignId, school);
    }
}
