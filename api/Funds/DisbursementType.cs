using Actors.Api.GraphQL;
using Actors.Api.Money;
using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class DisbursementType : ObjectGraphType<Disbursement>
{
    public DisbursementType()
    {
        Name = "Disbursement";
        Description = "One tranche paid to the municipality.";
        Field<NonNullGraphType<MoneyType>>("amount").Resolve(ctx => new Money.Money(ctx.Source.AmountMillimes));
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actor").Resolve(ctx => ctx.Source.Actor);
        Field<StringGraphType>("reason").Resolve(ctx => ctx.Source.Reason);
    }
}
