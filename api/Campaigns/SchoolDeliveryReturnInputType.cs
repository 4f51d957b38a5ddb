using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class SchoolDeliveryReturnInputType : InputObjectGraphType<SchoolDeliveryReturnInput>
{
    public SchoolDeliveryReturnInputType()
    {
        Name = "SchoolDeliveryReturnInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why the card came back (pupil absent, no guardian present...), at most 500 characters.");
    }
}
