using Actors.Api.GraphQL;
using Actors.Api.Money;
using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class AllocationStepType : ObjectGraphType<AllocationStep>
{
    public AllocationStepType()
    {
        Name = "AllocationStep";
        Description = "One recorded step of an allocation: what, the status it led to, when, who and why.";
        Field<NonNullGraphType<LongGraphType>>("version").Description("The fund's version this step made.").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<AllocationActionType>>("action").Resolve(ctx => ctx.Source.Action);
        Field<NonNullGraphType<AllocationStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("ROLE:subject of whoever took the step.").Resolve(ctx => ctx.Source.Actor);
        Field<StringGraphType>("reason").Resolve(ctx => ctx.Source.Reason);
        Field<MoneyType>("amount").Description("PROPOSE: the amount; DISBURSE: the tranche; CANCEL: what went back to the programme.")
            .Resolve(ctx => ctx.Source.AmountMillimes is { } m ? new Money.Money(m) : null);
    }
}
