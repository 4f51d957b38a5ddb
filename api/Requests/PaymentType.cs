using Actors.Api.Authorization;
using Actors.Api.GraphQL;
using Actors.Api.Money;
using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class PaymentType : ObjectGraphType<PaymentRecord>
{
    public PaymentType()
    {
        Name = "Payment";
        Field<NonNullGraphType<StringGraphType>>("reference").Resolve(ctx => ctx.Source.Reference);
        Field<NonNullGraphType<MoneyType>>("amount").Resolve(ctx => new Money.Money(ctx.Source.AmountMillimes));
        Field<NonNullGraphType<DateTimeScalar>>("paidAt").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("recordedBy").Description(ActorDisplay.Documentation).Resolve(ctx => ctx.Source.RecordedBy);
    }
}
