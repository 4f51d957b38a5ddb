using Actors.Contracts.Centers;
using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class CenterCalendarType : ObjectGraphType<CenterCalendar>
{
    public CenterCalendarType()
    {
        Name = "CenterCalendar";
        Description = "What a center publishes for booking and for its service-level clocks (Africa/Tunis). Public holidays are national: "
                      + "publicHolidays(year:). The standard week with desks from the center's workstations applies until an operator publishes its own.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DayHoursType>>>>("weeklyHours")
            .Description("Sessions per weekday; a weekday not listed is closed.").Resolve(ctx => ctx.Source.Hours.Days);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SpecialHoursPeriodType>>>>("specialPeriods")
            .Description("The center's own periods, then the national ones (scope says which); on a day both cover, the center's own wins.")
            .Resolve(ctx => ctx.Source.SpecialPeriods);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CenterClosureType>>>>("closures").Resolve(ctx => ctx.Source.Closures);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryDesksType>>>>("desks")
            .Description("Open desks per category, both categories listed.")
            .Resolve(ctx => Enum.GetValues<ServiceCategory>().Select(c => new CategoryDesks(c, ctx.Source.DesksFor(c))).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceSlotLengthType>>>>("slotLengths")
            .Description($"Each service's appointment length; a service not listed takes {CenterCalendar.DefaultSlotMinutes} minutes.")
            .Resolve(ctx => ctx.Source.SlotLengths);
    }
}
