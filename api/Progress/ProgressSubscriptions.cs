using Actors.Api.GraphQL;
using Actors.Api.Requests;
using Actors.Contracts.Requests.Index;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Progress;

public static class ProgressSubscriptions
{
    /// <summary>How often a live dashboard may get a new snapshot, at most (setting Progress:LiveInterval).</summary>
    public static readonly TimeSpan DefaultLiveInterval = TimeSpan.FromSeconds(2);

    public static void AddProgressSubscriptions(this ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<RequestProgressType>>("progressChanged")
            .Description("progress(where:, groupBy:) live: a snapshot at once, then at most one per interval (2 s unless configured) when the answer "
                         + "changed. Same roles, scope and suppression as progress. A slow client skips intermediate snapshots; it always gets the latest.")
            .Argument<RequestWhereInputType>("where")
            .Argument<ListGraphType<NonNullGraphType<ProgressDimensionType>>>("groupBy")
            .ResolveStreamAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                var where = ctx.GetArgument<RequestWhere?>("where") ?? new RequestWhere();
                var groupBy = ctx.GetArgument<List<RequestDimension>?>("groupBy") ?? [];
                var index = ctx.Service<IRequestIndex>();
                var clock = ctx.Service<TimeProvider>();
                var answers = ctx.Service<ProgressAnswers>();

                // Read once now, so that bad arguments are refused as an error of the subscription, not a dropped feed.
                await ProgressReport.ReadAsync(index, answers, clock, actor, where, groupBy, ctx.CancellationToken);
                var interval = ctx.Service<IConfiguration>().GetValue<TimeSpan?>("Progress:LiveInterval") ?? DefaultLiveInterval;
                return new ProgressLiveFeed(
                    cancellationToken => ProgressReport.ReadAsync(index, answers, clock, actor, where, groupBy, cancellationToken),
                    interval,
                    ctx.Service<ILogger<ProgressLiveFeed>>());
            });
}
