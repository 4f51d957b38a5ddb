using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class MoveRequestToCenterInputType : InputObjectGraphType<MoveRequestToCenterInput>
{
    public MoveRequestToCenterInputType()
    {
        Name = "MoveRequestToCenterInput";
        Description = "The owner's consent to move a request (before its appointment) to another center of the same governorate.";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<NonNullGraphType<IdGraphType>>("centerId").Description("A center of the request's governorate that offers the service and is PILOT or LIVE.");
    }
}
