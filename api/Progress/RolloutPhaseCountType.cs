using Actors.Api.Centers;
using GraphQL.Types;

namespace Actors.Api.Progress;

public sealed class RolloutPhaseCountType : ObjectGraphType<RolloutPhaseCount>
{
    public RolloutPhaseCountType()
    {
        Name = "RolloutPhaseCount";
        Field<NonNullGraphType<RolloutPhaseType>>("phase").Resolve(ctx => ctx.Source.Phase);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Count);
        Field<FloatGraphType>("averageReadiness").Description("The mean readiness score of these centers, 0 to 1; null when there are none.")
            .Resolve(ctx => ctx.Source.AverageReadiness);
    }
}
