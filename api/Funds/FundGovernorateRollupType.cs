using Actors.Api.Geography;
using Actors.Api.Money;
using Actors.Contracts.Funds;
using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class FundGovernorateRollupType : ObjectGraphType<FundGovernorateRollup>
{
    public FundGovernorateRollupType()
    {
        Name = "FundGovernorateRollup";
        Description = "The fund's allocations summed over the municipalities of one governorate.";
        Field<NonNullGraphType<GovernorateType>>("governorate").Resolve(ctx => Governorates.Find(ctx.Source.Governorate));
        Field<NonNullGraphType<IntGraphType>>("allocationCount").Description("Every allocation, cancelled ones included.")
            .Resolve(ctx => ctx.Source.AllocationCount);
        Field<NonNullGraphType<MoneyType>>("reserved").Resolve(ctx => new Money.Money(ctx.Source.ReservedMillimes));
        Field<NonNullGraphType<MoneyType>>("allocated").Resolve(ctx => new Money.Money(ctx.Source.AllocatedMillimes));
        Field<NonNullGraphType<MoneyType>>("disbursed").Resolve(ctx => new Money.Money(ctx.Source.DisbursedMillimes));
    }
}
