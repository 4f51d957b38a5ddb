using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class AddPublicHolidayInputType : InputObjectGraphType<AddPublicHolidayInput>
{
    public AddPublicHolidayInputType()
    {
        Name = "AddPublicHolidayInput";
        Description = "A national public holiday: every center closes that day. The same holiday again changes nothing.";
        Field<NonNullGraphType<DateScalar>>("date");
        Field<NonNullGraphType<StringGraphType>>("nameAr").Description("At most 100 characters.");
        Field<NonNullGraphType<StringGraphType>>("nameFr").Description("At most 100 characters.");
    }
}
