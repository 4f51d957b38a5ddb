using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class RemoveCenterClosureInputType : InputObjectGraphType<RemoveCenterClosureInput>
{
    public RemoveCenterClosureInputType()
    {
        Name = "RemoveCenterClosureInput";
        Description = "The closure to remove.";
        Field<NonNullGraphType<IdGraphType>>("centerId");
        Field<NonNullGraphType<IdGraphType>>("closureId");
    }
}
