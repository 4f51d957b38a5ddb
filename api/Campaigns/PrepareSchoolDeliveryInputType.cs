using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class PrepareSchoolDeliveryInputType : InputObjectGraphType<PrepareSchoolDeliveryInput>
{
    public PrepareSchoolDeliveryInputType()
    {
        Name = "PrepareSchoolDeliveryInput";
        Field<NonNullGraphType<IdGraphType>>("campaignId");
        Field<NonNullGraphType<StringGraphType>>("schoolCode");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("requestIds")
            .Description("The cards to take (CitizenRequest ids); omitted: every card of the school READY_FOR_DELIVERY at the agent's center that no other open round holds.");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("The same key returns the same round (a retried click prepares one).");
    }
}
