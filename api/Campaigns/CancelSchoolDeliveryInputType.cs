using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class CancelSchoolDeliveryInputType : InputObjectGraphType<SchoolDeliveryRoundInput>
{
    public CancelSchoolDeliveryInputType()
    {
        Name = "CancelSchoolDeliveryInput";
        Field<NonNullGraphType<IdGraphType>>("roundId");
        Field<StringGraphType>("reason").Description("At most 500 characters.");
    }
}
