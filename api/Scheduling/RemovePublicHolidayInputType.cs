using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class RemovePublicHolidayInputType : InputObjectGraphType<RemovePublicHolidayInput>
{
    public RemovePublicHolidayInputType()
    {
        Name = "RemovePublicHolidayInput";
        Description = "The date of the holiday to remove.";
        Field<NonNullGraphType<DateScalar>>("date");
    }
}
