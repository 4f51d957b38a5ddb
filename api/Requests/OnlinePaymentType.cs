using Actors.Api.Authorization;
using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class OnlinePaymentType : ObjectGraphType<OnlinePayment>
{
    public const string TypeName = "OnlinePayment";

    public OnlinePaymentType()
    {
        Name = TypeName;
        Description = "A card payment of a request's fee on the gateway's hosted page. No card data ever reaches us: the page holds it.";
        Field<NonNullGraphType<StringGraphType>>("orderId").Description("Our order id at the gateway.").Resolve(ctx => ctx.Source.Payment.OrderId);
        Field<NonNullGraphType<OnlinePaymentStatusType>>("status").Resolve(ctx => ctx.Source.Payment.Status);
        Field<NonNullGraphType<Money.MoneyType>>("amount").Description("The fee, exact.").Resolve(ctx => new Money.Money(ctx.Source.Payment.AmountMillimes));
        Field<StringGraphType>("redirectUrl")
            .Description("The gateway's hosted page where the payer types the card; null while the gateway has not registered the order (retry startPayment with the same key).")
            .Resolve(ctx => ctx.Source.Payment.IsOpen ? ctx.Source.Payment.RedirectUrl : null);
        Field<NonNullGraphType<DateTimeScalar>>("expiresAt").Description("After this the page refuses to take the card.").Resolve(ctx => ctx.Source.Payment.ExpiresAt);
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(ctx => ctx.Source.Payment.CreatedAt);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(ctx => ctx.Source.Payment.UpdatedAt);
        Field<StringGraphType>("declineCode").Description("Set when DECLINED: the gateway's reason, e.g. do_not_honor.").Resolve(ctx => ctx.Source.Payment.DeclineCode);
        Field<NonNullGraphType<StringGraphType>>("startedBy").Description(ActorDisplay.Documentation)
            .Resolve(ctx => ActorDisplay.ForCaller(ctx.Actor(), ctx.Source.Payment.StartedBy, ctx.Source.Request.CenterId, ctx.Source.Request.Governorate));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OnlinePaymentEventType>>>>("events").Resolve(ctx => ctx.Source.Payment.Events);
        Field<NonNullGraphType<CitizenRequestType>>("request").Resolve(ctx => ctx.Source.Request);
    }
}
