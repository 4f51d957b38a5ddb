using GraphQL.Types;

namespace Actors.Api.Progress;

public sealed class DurationPercentilesType : ObjectGraphType<DurationPercentiles>
{
    public DurationPercentilesType()
    {
        Name = "DurationPercentiles";
        Description = "Durations in hours: the median and the 90th percentile (nearest rank, whole seconds), and how many were measured. "
                      + "All null and suppressed true when fewer than the suppression threshold were measured.";
        Field<FloatGraphType>("p50Hours").Resolve(ctx => ctx.Source.P50Hours);
        Field<FloatGraphType>("p90Hours").Resolve(ctx => ctx.Source.P90Hours);
        Field<IntGraphType>("count").Resolve(ctx => (int?)ctx.Source.Count);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Resolve(ctx => ctx.Source.Suppressed);
    }
}
