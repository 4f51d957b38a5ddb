using Actors.Api.Centers;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Naming;
using Actors.Contracts.Scheduling;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

/// <summary>
/// The calendars operators maintain: the national calendar (public holidays, national special-hours periods) and
/// each center's (hours, desks, slot lengths, closures, its own periods). Malformed input (a time that is not
/// "HH:mm", blank text) is BAD_USER_INPUT naming the field; an inconsistent entry is CALENDAR_INVALID.
/// </summary>
public static class CalendarMutations
{
    public static void AddCalendarMutations(this ObjectGraphType mutation, DomainErrorTypes errors)
    {
        mutation.AddMutation(errors, NationalCalendarOperations.AddPublicHoliday,
            "Adds a national public holiday (OPERATOR): every center closes that day. Religious (lunar) holidays are entered this way each year.",
            new AddPublicHolidayInputType(), "holiday", PublicHolidayType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<AddPublicHolidayInput>("input");
                var holiday = new PublicHoliday(input.Date,
                    InputText.Required(input.NameAr, "input.nameAr", CalendarRules.MaxNameLength),
                    InputText.Required(input.NameFr, "input.nameFr", CalendarRules.MaxNameLength));
                return await National(ctx).AddHoliday(actor, holiday);
            });

        mutation.AddMutation(errors, NationalCalendarOperations.RemovePublicHoliday, "Removes the public holiday of a date (OPERATOR) and returns it.",
            new RemovePublicHolidayInputType(), "holiday", PublicHolidayType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                return await National(ctx).RemoveHoliday(actor, ctx.GetArgument<RemovePublicHolidayInput>("input").Date);
            });

        mutation.AddMutation(errors, NationalCalendarOperations.AddSpecialPeriod,
            "Adds a national period with other hours for every center (OPERATOR): Ramadan, the summer single session. Entered with its dates; nothing is guessed from a lunar calendar.",
            new AddNationalSpecialHoursPeriodInputType(), "period", SpecialHoursPeriodType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<AddNationalSpecialHoursPeriodInput>("input");
                var name = InputText.Required(input.Name, "input.name", CalendarRules.MaxNameLength);
                return await National(ctx).AddSpecialPeriod(actor, name, input.From, input.To, Hours(input.Hours, "input.hours"));
            });

        mutation.AddMutation(errors, NationalCalendarOperations.RemoveSpecialPeriod, "Removes a national special-hours period (OPERATOR) and returns it.",
            new RemoveNationalSpecialHoursPeriodInputType(), "period", SpecialHoursPeriodType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                return await National(ctx).RemoveSpecialPeriod(actor, ctx.GetArgument<RemoveNationalSpecialHoursPeriodInput>("input").PeriodId);
            });

        mutation.AddMutation(errors, CenterOperations.SetOpeningHours, "Publishes a center's weekly opening hours (OPERATOR).",
            new SetCenterOpeningHoursInputType(), "center", ServiceCenterType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<SetCenterOpeningHoursInput>("input");
                return await Center(ctx, input.CenterId).SetOpeningHours(actor, Hours(input.Hours, "input.hours"));
            });

        mutation.AddMutation(errors, CenterOperations.SetDesks, "Publishes a center's open desks per category and appointment length per service (OPERATOR).",
            new SetCenterDesksInputType(), "center", ServiceCenterType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<SetCenterDesksInput>("input");
                return await Center(ctx, input.CenterId).SetDesks(actor,
                    input.Desks.Select(d => new CategoryDesks(d.Category, d.Desks)).ToList(),
                    input.SlotLengths.Select(l => new ServiceSlotLength(l.Service, l.Minutes)).ToList());
            });

        mutation.AddMutation(errors, CenterOperations.AddClosure,
            "Closes a center on some days (OPERATOR) and returns the closure with its id; the bookings of those days are moved or cancelled, and the citizens told why.",
            new AddCenterClosureInputType(), "closure", CenterClosureType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<AddCenterClosureInput>("input");
                var reason = InputText.Required(input.Reason, "input.reason", DomainLimits.MaxReasonLength);
                return await Center(ctx, input.CenterId).AddClosure(actor, input.From, input.To, reason);
            });

        mutation.AddMutation(errors, CenterOperations.RemoveClosure, "Removes a center's closure (OPERATOR).",
            new RemoveCenterClosureInputType(), "center", ServiceCenterType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<RemoveCenterClosureInput>("input");
                return await Center(ctx, input.CenterId).RemoveClosure(actor, input.ClosureId);
            });

        mutation.AddMutation(errors, CenterOperations.AddSpecialPeriod,
            "Adds a center's own period with other hours (OPERATOR); on its days it wins over a national period.",
            new AddCenterSpecialHoursPeriodInputType(), "period", SpecialHoursPeriodType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<AddCenterSpecialHoursPeriodInput>("input");
                var name = InputText.Required(input.Name, "input.name", CalendarRules.MaxNameLength);
                return await Center(ctx, input.CenterId).AddSpecialPeriod(actor, name, input.From, input.To, Hours(input.Hours, "input.hours"));
            });

        mutation.AddMutation(errors, CenterOperations.RemoveSpecialPeriod, "Removes a center's own special-hours period (OPERATOR).",
            new RemoveCenterSpecialHoursPeriodInputType(), "center", ServiceCenterType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<RemoveCenterSpecialHoursPeriodInput>("input");
                return await Center(ctx, input.CenterId).RemoveSpecialPeriod(actor, input.PeriodId);
            });
    }

    /// <summary>Weekly hours from the input, each time read as "HH:mm" (BAD_USER_INPUT naming e.g. input.hours[0].sessions[1].opens).</summary>
    private static WeeklyHours Hours(List<DayHoursInput> days, string field) =>
        new(days.Select((day, i) => new DayHours(day.Day, day.Sessions.Select((session, j) => new OpeningHours(
                TimeOfDay.Read(session.Opens, $"{field}[{i}].sessions[{j}].opens"),
                TimeOfDay.Read(session.Closes, $"{field}[{i}].sessions[{j}].closes"))).ToList()))
            .ToList());

    private static INationalCalendarGrain National(IResolveFieldContext ctx) => ctx.Service<IGrainFactory>().Reference<INationalCalendarGrain>(0);

    private static IServiceCenterGrain Center(IResolveFieldContext ctx, string centerId) =>
        ctx.Service<IGrainFactory>().Reference<IServiceCenterGrain>(GlobalId.DecodeKey(centerId, ServiceCenterType.TypeName, "input.centerId"));
}
