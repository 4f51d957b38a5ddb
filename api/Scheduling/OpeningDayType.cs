using Actors.Api.GraphQL;
using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class OpeningDayType : ObjectGraphType<OpeningDay>
{
    public OpeningDayType()
    {
        Name = "OpeningDay";
        Description = "One day of a center's calendar, explained.";
        Field<NonNullGraphType<DateScalar>>("date").Resolve(ctx => ctx.Source.Date);
        Field<NonNullGraphType<WeekdayType>>("weekday").Resolve(ctx => ctx.Source.Date.DayOfWeek);
        Field<NonNullGraphType<BooleanGraphType>>("open").Resolve(ctx => ctx.Source.ClosedBecause is null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OpeningHoursType>>>>("sessions").Resolve(ctx => ctx.Source.Sessions);
        Field<DayClosedReasonType>("closedBecause").Description("Null when open.").Resolve(ctx => ctx.Source.ClosedBecause);
        Field<PublicHolidayType>("holiday").Description("The holiday, when closedBecause is HOLIDAY.").Resolve(ctx => ctx.Source.Holiday);
        Field<CenterClosureType>("closure").Description("The closure, when closedBecause is CLOSURE.").Resolve(ctx => ctx.Source.Closure);
        Field<SpecialHoursPeriodType>("specialPeriod").Description("The period whose hours apply that day, if any.").Resolve(ctx => ctx.Source.Period);
    }
}
