using System.Globalization;
using Actors.Api.Centers;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Naming;
using Actors.Contracts.Scheduling;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public static class CalendarQueries
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxOpeningDays = 366;

    public static void AddCalendarQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublicHolidayType>>>>("publicHolidays")
            .Description("The national public holidays of a year, by date. Public. The demo data ships the fixed-date holidays of the current and "
                         + "next year; the religious (lunar) holidays, Ramadan and the summer single session are entered by operators each year.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async ctx =>
            {
                var year = ctx.GetArgument<int>("year");
                if (year is < MinYear or > MaxYear)
                {
                    throw ApiErrors.BadInput($"year is {MinYear} to {MaxYear}.", "year");
                }

                var all = await ctx.Service<IGrainFactory>().Reference<INationalCalendarGrain>(0).Holidays();
                return all.Where(h => h.Date.Year == year).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SpecialHoursPeriodType>>>>("nationalSpecialHoursPeriods")
            .Description("The national periods with other hours (Ramadan, the summer single session), by start date, as operators entered them. Public.")
            .ResolveAsync(async ctx => await ctx.Service<IGrainFactory>().Reference<INationalCalendarGrain>(0).SpecialPeriods());

        PageArguments.AddTo(query.Field<NonNullGraphType<ConnectionType<OpeningDayType, OpeningDay>>>("openingDays"))
            .Description($"Each day of a center's calendar from one date to another (both included, at most {MaxOpeningDays} days), by date: its sessions, "
                         + "or why it is closed (HOLIDAY, CLOSURE, WEEKLY). Public. " + PageArguments.Documentation)
            .Argument<NonNullGraphType<IdGraphType>>("centerId")
            .Argument<NonNullGraphType<DateScalar>>("from")
            .Argument<NonNullGraphType<DateScalar>>("to")
            .ResolveAsync(async ctx =>
            {
                var page = PageArguments.Read(ctx);
                var from = ctx.GetArgument<DateOnly>("from");
                var to = ctx.GetArgument<DateOnly>("to");
                if (to < from)
                {
                    throw ApiErrors.BadInput("to is on or after from.", "to");
                }

                if (to.DayNumber - from.DayNumber + 1 > MaxOpeningDays)
                {
                    throw ApiErrors.BadInput($"At most {MaxOpeningDays} days.", "to");
                }

                var code = GlobalId.DecodeKey(ctx.GetArgument<string>("centerId"), ServiceCenterType.TypeName, "centerId");
                var grains = ctx.Service<IGrainFactory>();
                var calendar = PublishedCalendars.Of(grains, code);
                var holidays = grains.Reference<INationalCalendarGrain>(0).Holidays();
                var found = await calendar ?? throw ApiErrors.NotFound();
                var national = await holidays;
                var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => OpeningDay.Of(found, national, from.AddDays(i)));
                return ConnectionResolver.FromList(page, days, $"openingDays/{code}", Day, Day);
            });
    }

    private static string Day(OpeningDay day) => day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
