using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class RecordSchoolHandoverInputType : InputObjectGraphType<RecordSchoolHandoverInput>
{
    public RecordSchoolHandoverInputType()
    {
        Name = "RecordSchoolHandoverInput";
        Field<NonNullGraphType<IdGraphType>>("roundId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("delivered")
            .Description("The cards handed to the pupils (CitizenRequest ids), in the presence of the guardian or the school's delegate.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SchoolDeliveryReturnInputType>>>>("returned")
            .Description("The cards brought back to the center. Every card of the round is delivered or returned, once.");
    }
}
