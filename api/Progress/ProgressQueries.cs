using Actors.Api.Centers;
using Actors.Api.GraphQL;
using Actors.Api.Requests;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests.Index;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Progress;

public static class ProgressQueries
{
    /// <summary>Groups smaller than this are withheld from analysts, so that counts cannot single out a person.</summary>
    public const int SuppressionThreshold = 5;

    public static void AddProgressQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<RequestProgressType>>("progress")
            .Description($"Counts of requests for analysts, grouped by up to 3 dimensions. ANALYST and OPERATOR see the whole country "
                         + $"with groups under {SuppressionThreshold} withheld; a SUPERVISOR sees their governorate and an AGENT their center, exactly.")
            .Argument<RequestWhereInputType>("where")
            .Argument<ListGraphType<NonNullGraphType<ProgressDimensionType>>>("groupBy")
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                return await ProgressReport.ReadAsync(
                    ctx.Service<IRequestIndex>(), ctx.Service<ProgressAnswers>(), ctx.Service<TimeProvider>(), actor,
                    ctx.GetArgument<RequestWhere?>("where") ?? new RequestWhere(),
                    ctx.GetArgument<List<RequestDimension>?>("groupBy") ?? [], ctx.CancellationToken);
            });

        // Centers are not people: their counts are shown exactly, to every reader of progress, within their scope.
        query.Field<NonNullGraphType<RolloutSummaryType>>("rollout")
            .Description("Centers by rollout phase with their average readiness. ANALYST and OPERATOR see the whole country, "
                         + "a SUPERVISOR their governorate, an AGENT their center.")
            .Argument<RolloutWhereInputType>("where")
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                var governorate = ctx.GetArgument<RolloutWhere?>("where")?.Governorate;
                var centers = (await ctx.Service<CenterLookup>().List())
                    .Where(c => governorate is null || c.Profile.Governorate == governorate)
                    .Where(c => actor.Role switch
                    {
                        ActorRole.Supervisor => c.Profile.Governorate == actor.Governorate,
                        ActorRole.Agent => c.Code == actor.CenterId,
                        _ => true,
                    });
                return RolloutSummary.Of(centers, ctx.Service<TimeProvider>().GetUtcNow());
            });
    }
}
