using Actors.Api.GraphQL;
using Actors.Api.Requests;
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
                var actor = ctx.RequireRole(ProgressReport.Readers);
                return await ProgressReport.ReadAsync(
                    ctx.Service<IRequestIndex>(), ctx.Service<TimeProvider>(), actor,
                    ctx.GetArgument<RequestWhere?>("where") ?? new RequestWhere(),
                    ctx.GetArgument<List<RequestDimension>?>("groupBy") ?? [], ctx.CancellationToken);
            });
}
