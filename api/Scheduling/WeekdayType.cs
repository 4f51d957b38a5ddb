using GraphQL.Types;

namespace Actors.Api.Scheduling;

/// <summary>Days of the week, Monday first as Tunisian calendars print them.</summary>
public sealed class WeekdayType : EnumerationGraphType
{
    public WeekdayType()
    {
        Name = "Weekday";
        Description = "A day of the week.";
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday })
        {
            Add(day.ToString().ToUpperInvariant(), day);
        }
    }
}
