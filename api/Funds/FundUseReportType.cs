using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class FundUseReportType : ObjectGraphType<FundUseReport>
{
    public FundUseReportType()
    {
        Name = "FundUseReport";
        Description = "The fund's use for one year, from the allocation read model.";
        Field<NonNullGraphType<DateTimeScalar>>("asOf").Description("How fresh the projection is.").Resolve(ctx => ctx.Source.AsOf);
        Field<FloatGraphType>("projectionLagSeconds")
            .Description("Seconds between now and asOf: 0 when the read model has applied every event, else how long ago it last had.")
            .Resolve(ctx => ctx.Source.ProjectionLagSeconds);
        Field<NonNullGraphType<FundUseFiguresType>>("totals")
            .Description("Everything the filter selects (without a filter: the fund's own reserved, allocated and disbursed once the projection has caught up).")
            .Resolve(ctx => ctx.Source.Totals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundUseGroupType>>>>("groups")
            .Description("The groups with at least one allocation, by programme (in the fund's order) then governorate code; empty when not grouped.")
            .Resolve(ctx => ctx.Source.Groups);
    }
}
