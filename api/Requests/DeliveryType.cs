using Actors.Api.Authorization;
using Actors.Api.GraphQL;
using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class DeliveryType : ObjectGraphType<DeliveryRecord>
{
    public DeliveryType()
    {
        Name = "Delivery";
        Description = "How the card was handed over: at the center with the identity check the agent recorded, or at the pupil's school (the school of the enrolment).";
        Field<NonNullGraphType<DeliveryChannelType>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("by").Description("Who handed it over, as histories write actors: " + ActorDisplay.Documentation).Resolve(ctx => ctx.Source.By);
        Field<IdentityCheckType>("identityCheck").Resolve(ctx => ctx.Source.IdentityCheck);
        Field<StringGraphType>("schoolCode").Description("For SCHOOL: the school of the pupil's enrolment.").Resolve(ctx => ctx.Source.SchoolCode);
    }
}
