using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class DayHoursInputType : InputObjectGraphType<DayHoursInput>
{
    public DayHoursInputType()
    {
        Name = "DayHoursInput";
        Description = "The sessions of one weekday (at most 4, not overlapping); a weekday not listed is closed.";
        Field<NonNullGraphType<WeekdayType>>("day");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OpeningHoursInputType>>>>("sessions");
    }
}
