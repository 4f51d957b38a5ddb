using Actors.Api.Requests;
using GraphQL.Types;

namespace Actors.Api.Progress;

public sealed class StatusDurationsType : ObjectGraphType<StatusDurations>
{
    public StatusDurationsType()
    {
        Name = "StatusDurations";
        Description = "The time requests spent in a status they have since left, in hours (see DurationPercentiles).";
        Field<NonNullGraphType<RequestStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<FloatGraphType>("p50Hours").Resolve(ctx => ctx.Source.Durations.P50Hours);
        Field<FloatGraphType>("p90Hours").Resolve(ctx => ctx.Source.Durations.P90Hours);
        Field<IntGraphType>("count").Resolve(ctx => (int?)ctx.Source.Durations.Count);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Resolve(ctx => ctx.Source.Durations.Suppressed);
    }
}
