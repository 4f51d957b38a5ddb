using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Campaigns;
using Actors.Contracts.Naming;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public static class CampaignQueries
{
    public static void AddCampaignQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Register(CampaignType.TypeName, async (ctx, key) =>
            ctx.MayReadCampaigns() && Guid.TryParseExact(key, "N", out var id)
                ? await ctx.Service<IGrainFactory>().Reference<ICampaignGrain>(id).Find()
                : null);

        query.Field<CampaignType>("campaign")
            .Description("A campaign of the pupil pilot (EDUCATION_OFFICER, SUPERVISOR, ANALYST, OPERATOR); null with NOT_FOUND when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireActor();
                var id = GlobalId.DecodeGuid(ctx.GetArgument<string>("id"), CampaignType.TypeName);
                return await ctx.Service<IGrainFactory>().Reference<ICampaignGrain>(id).Find() ?? throw ApiErrors.NotFound();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignType>>>>("campaigns")
            .Description("Every campaign, latest start first (EDUCATION_OFFICER, SUPERVISOR, ANALYST, OPERATOR).")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireActor();
                var grains = ctx.Service<IGrainFactory>();
                var ids = await grains.Reference<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).List();
                var found = await Task.WhenAll(ids.Select(id => grains.Reference<ICampaignGrain>(id).Find()));
                return found.OfType<CampaignView>().OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
            });

        query.Field<EnrolmentImportType>("enrolmentImport")
            .Description("An enrolment import's document, while it runs and after (EDUCATION_OFFICER, SUPERVISOR). "
                         + "The id is the importId that POST /campaigns/{id}/enrolments answered.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireActor();
                var id = Guid.TryParse(ctx.GetArgument<string>("id"), out var guid) ? guid : throw ApiErrors.BadInput("Malformed id.", "id");
                return await ctx.Service<IGrainFactory>().Reference<IEnrolmentImportGrain>(id).Find() ?? throw ApiErrors.NotFound();
            });
    }
}
