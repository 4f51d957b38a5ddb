using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class DispatchSchoolDeliveryInputType : InputObjectGraphType<SchoolDeliveryRoundInput>
{
    public DispatchSchoolDeliveryInputType()
    {
        Name = "DispatchSchoolDeliveryInput";
        Field<NonNullGraphType<IdGraphType>>("roundId");
    }
}
