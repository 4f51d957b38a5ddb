using Actors.Api.Requests;
using Actors.Contracts.Campaigns;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class SchoolDeliveryCardType : ObjectGraphType<SchoolDeliveryCard>
{
    public SchoolDeliveryCardType()
    {
        Name = "SchoolDeliveryCard";
        Description = "A pupil's card in a delivery round: what the school needs to find the pupil, and once handed over what became of it.";
        Field<NonNullGraphType<IdGraphType>>("requestId").Description("The CitizenRequest's id.").Resolve(ctx => CitizenRequestType.Id(ctx.Source.RequestId));
        Field<NonNullGraphType<StringGraphType>>("reference").Resolve(ctx => ctx.Source.Reference);
        Field<StringGraphType>("givenName").Description("The pupil's given name only.").Resolve(ctx => ctx.Source.GivenName);
        Field<StringGraphType>("grade").Description("The pupil's class or grade, when the request gave it.").Resolve(ctx => ctx.Source.Grade);
        Field<SchoolDeliveryOutcomeType>("outcome").Description("Null until the handover is recorded.").Resolve(ctx => ctx.Source.Outcome);
        Field<StringGraphType>("returnReason").Description("Why a RETURNED card came back.").Resolve(ctx => ctx.Source.ReturnReason);
    }
}
