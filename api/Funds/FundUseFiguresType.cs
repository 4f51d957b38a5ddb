using Actors.Api.Money;
using Actors.Contracts.Funds.Index;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class FundUseFiguresType : ObjectGraphType<AllocationFigures>
{
    public FundUseFiguresType()
    {
        Name = "FundUseFigures";
        Description = "Sums over allocations, counted as the fund counts them (see Fund.reserved, allocated, disbursed).";
        Field<NonNullGraphType<IntGraphType>>("allocations").Description("Every allocation, cancelled ones included.")
            .Resolve(ctx => ctx.Source.Allocations);
        Field<NonNullGraphType<IntGraphType>>("municipalities").Description("Distinct municipalities with at least one of these allocations.")
            .Resolve(ctx => ctx.Source.Municipalities);
        Field<NonNullGraphType<MoneyType>>("reserved").Description("Proposed allocations, not yet approved.")
            .Resolve(ctx => new Money.Money(ctx.Source.ReservedMillimes));
        Field<NonNullGraphType<MoneyType>>("allocated").Description("Approved allocations and later, less what cancellations returned.")
            .Resolve(ctx => new Money.Money(ctx.Source.AllocatedMillimes));
        Field<NonNullGraphType<MoneyType>>("disbursed").Resolve(ctx => new Money.Money(ctx.Source.DisbursedMillimes));
    }
}
