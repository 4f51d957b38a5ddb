using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
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

    public static void AddProgressQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<RequestProgressType>>("progress")
            .Description($"Counts of requests for analysts, grouped by up to 3 dimensions. ANALYST and OPERATOR see the whole country "
                         + $"with groups under {SuppressionThreshold} withheld; a SUPERVISOR sees their governorate and an AGENT their center, exactly.")
            .Argument<RequestWhereInputType>("where")
            .Argument<ListGraphType<NonNullGraphType<ProgressDimensionType>>>("groupBy")
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireRole(ActorRole.Analyst, ActorRole.Operator, ActorRole.Supervisor, ActorRole.Agent);
                var groupBy = ctx.GetArgument<List<RequestDimension>?>("groupBy") ?? [];
                if (groupBy.Distinct().Count() > 3)
                {
                    throw ApiErrors.BadInput("Group by at most 3 dimensions.", "groupBy");
                }

                var filter = RequestQueries.Scoped(actor, ctx.GetArgument<RequestWhere?>("where") ?? new RequestWhere());
                var counts = await ctx.Service<IRequestIndex>().CountAsync(filter, groupBy, ctx.CancellationToken);
                var threshold = actor.Role is ActorRole.Analyst or ActorRole.Operator ? SuppressionThreshold : 0;
                bool Hidden(long count) => count > 0 && count < threshold;
                var groups = counts.Groups
                    .Select(g => new ProgressGroup(g.Key, Hidden(g.Count) ? null : g.Count, Hidden(g.Count)))
                    .ToList();
                return new RequestProgress(groups, Hidden(counts.Total) ? null : counts.Total, counts.AsOf, threshold);
            });
}
