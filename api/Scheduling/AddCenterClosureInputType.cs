using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class AddCenterClosureInputType : InputObjectGraphType<AddCenterClosureInput>
{
    public AddCenterClosureInputType()
    {
        Name = "AddCenterClosureInput";
        Description = "Closes the center on these days, both included, at most 366 days. The same closure again returns the one already there.";
        Field<NonNullGraphType<IdGraphType>>("centerId");
        Field<NonNullGraphType<DateScalar>>("from");
        Field<NonNullGraphType<DateScalar>>("to");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Shown to citizens whose bookings it moves; at most 500 characters.");
    }
}
