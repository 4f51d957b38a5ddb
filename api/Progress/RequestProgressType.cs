using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Progress;

public sealed class RequestProgressType : ObjectGraphType<RequestProgress>
{
    public RequestProgressType()
    {
        Name = "RequestProgress";
        Field<LongGraphType>("total").Description("All requests matching the filter; null when suppressed.").Resolve(ctx => ctx.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgressGroupType>>>>("groups")
            .Description("Groups withheld for analysts: the small ones, and (secondary suppression) the next smallest wherever a single withheld group could be worked out by subtraction.")
            .Resolve(ctx => ctx.Source.Groups);
        Field<NonNullGraphType<DateTimeScalar>>("asOf").Description("How fresh the projection is.").Resolve(ctx => ctx.Source.AsOf);
        Field<NonNullGraphType<IntGraphType>>("suppressionThreshold")
            .Description("Counts from 1 to this minus one are withheld for analysts (0 means nothing is withheld).")
            .Resolve(ctx => ctx.Source.SuppressionThreshold);
        Field<FloatGraphType>("projectionLagSeconds")
            .Description("Seconds between now and asOf: 0 when the read model has applied every event, else how long ago it last had.")
            .Resolve(ctx => ctx.Source.ProjectionLagSeconds);
        Field<FloatGraphType>("completionRate")
            .Description("DELIVERED and ISSUED over requests in a final status (0 to 1); null when none is final or when suppressed "
                         + "(fewer final requests than the threshold, or a small count on either side of the rate).")
            .ResolveAsync(async ctx => (await ctx.Source.Figures.Value).CompletionRate);
        Field<FloatGraphType>("rejectionRate")
            .Description("REJECTED over requests in a final status (0 to 1); null like completionRate.")
            .ResolveAsync(async ctx => (await ctx.Source.Figures.Value).RejectionRate);
        Field<IntGraphType>("overdue")
            .Description("Requests past their current status's target (overdueSince set); null when suppressed.")
            .ResolveAsync(async ctx => (int?)(await ctx.Source.Figures.Value).Overdue);
        Field<NonNullGraphType<DurationPercentilesType>>("timeToCompletion")
            .Description("From submission to DELIVERED or ISSUED, over the completed requests.")
            .ResolveAsync(async ctx => (await ctx.Source.Figures.Value).TimeToCompletion);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusDurationsType>>>>("timeInStatus")
            .Description("For each status requests have left, the time they spent in it (the current status is not counted: its end is not known).")
            .ResolveAsync(async ctx => (await ctx.Source.Figures.Value).TimeInStatus);
    }
}
