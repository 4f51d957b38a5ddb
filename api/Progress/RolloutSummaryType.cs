using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Progress;

public sealed class RolloutSummaryType : ObjectGraphType<RolloutSummary>
{
    public RolloutSummaryType()
    {
        Name = "RolloutSummary";
        Field<NonNullGraphType<DateTimeScalar>>("asOf").Description("When the center directory was read.").Resolve(ctx => ctx.Source.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RolloutPhaseCountType>>>>("byPhase")
            .Description("Every phase, in order, with how many centers are in it.")
            .Resolve(ctx => ctx.Source.ByPhase);
    }
}
