using Actors.Api.GraphQL;
using Actors.Contracts.Funds.Index;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Funds;

public static class FundUseQueries
{
    public static void AddFundUseQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<FundUseReportType>>("fundUse")
            .Description("The fund's use for a year: allocations, municipalities, reserved, allocated and disbursed, grouped by programme "
                         + "and/or governorate (ANALYST and FUND_MANAGER: the whole country; SUPERVISOR: their governorate, another one is "
                         + "FORBIDDEN). Nothing is suppressed: these are the accounts of public bodies (municipalities are not persons), "
                         + "shown exactly. A year without a fund is NOT_FOUND. Also as CSV: GET /exports/fund-use.csv.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<FundUseWhereInputType>("where")
            .Argument<ListGraphType<NonNullGraphType<FundUseDimensionType>>>("groupBy")
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                return await FundUseReader.ReadAsync(
                    ctx.Service<IAllocationIndex>(), ctx.Service<FundLookup>(), ctx.Service<TimeProvider>(), actor,
                    ctx.GetArgument<int>("year"), ctx.GetArgument<FundUseWhere?>("where") ?? new FundUseWhere(),
                    ctx.GetArgument<List<AllocationDimension>?>("groupBy") ?? [], ctx.CancellationToken);
            });
    }
}
