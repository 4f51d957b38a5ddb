using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class AddNationalSpecialHoursPeriodInputType : InputObjectGraphType<AddNationalSpecialHoursPeriodInput>
{
    public AddNationalSpecialHoursPeriodInputType()
    {
        Name = "AddNationalSpecialHoursPeriodInput";
        Description = "A national period with other hours for every center (Ramadan, the summer single session), both days included, at most 366 days, not overlapping another national period.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("At most 100 characters, e.g. \"Ramadan 2027\".");
        Field<NonNullGraphType<DateScalar>>("from");
        Field<NonNullGraphType<DateScalar>>("to");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DayHoursInputType>>>>("hours").Description("The hours of the period's weekdays.");
    }
}
