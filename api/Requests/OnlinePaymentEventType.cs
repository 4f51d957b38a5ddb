using Actors.Api.GraphQL;
using Actors.Contracts.Requests.Payments;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class OnlinePaymentEventType : ObjectGraphType<PaymentEvent>
{
    public OnlinePaymentEventType()
    {
        Name = "OnlinePaymentEvent";
        Description = "One change of an online payment, in the order it was applied.";
        Field<NonNullGraphType<GatewayEventKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<OnlinePaymentStatusType>>("status").Description("The payment's status after it.").Resolve(ctx => ctx.Source.StatusAfter);
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When it happened at the gateway.").Resolve(ctx => ctx.Source.At);
        Field<StringGraphType>("declineCode").Description("The gateway's code for a declined card, e.g. insufficient_funds.").Resolve(ctx => ctx.Source.Note);
    }
}
