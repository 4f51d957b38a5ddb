using System.Globalization;
using Actors.Api.Centers;
using Actors.Api.Geography;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Centers;
using Actors.Contracts.Scheduling;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public static class SlotQueries
{
    public static void AddSlotQueries(this ObjectGraphType query)
    {
        PageArguments.AddTo(query.Field<NonNullGraphType<ConnectionType<AppointmentSlotType, AppointmentSlot>>>("availableSlots"))
            .Description($"Free slots of a center for a service, from one day to another (Africa/Tunis days, both included, at most "
                + $"{SlotFinder.MaxRangeDays} days), earliest first. Public: citizens choose when to come. " + PageArguments.Documentation)
            .Argument<NonNullGraphType<IdGraphType>>("centerId")
            .Argument<NonNullGraphType<CenterServiceType>>("service")
            .Argument<NonNullGraphType<DateScalar>>("from")
            .Argument<NonNullGraphType<DateScalar>>("to")
            .ResolveAsync(async ctx =>
            {
                var page = PageArguments.Read(ctx);
                var code = GlobalId.DecodeKey(ctx.GetArgument<string>("centerId"), ServiceCenterType.TypeName, "centerId");
                var (from, to) = (ctx.GetArgument<DateOnly>("from"), ctx.GetArgument<DateOnly>("to"));
                if (to < from)
                {
                    throw ApiErrors.BadInput("to is on or after from.", "to");
                }

                if (to.DayNumber - from.DayNumber >= SlotFinder.MaxRangeDays)
                {
                    throw ApiErrors.BadInput($"At most {SlotFinder.MaxRangeDays} days at once.", "to");
                }

                var center = await ctx.Service<CenterLookup>().Find(code) ?? throw ApiErrors.NotFound();
                var slots = await ctx.Service<SlotFinder>().Available(center, ctx.GetArgument<CenterService>("service"), from, to);
                return ConnectionResolver.FromList(page, slots, $"availableSlots/{code}", OrderKey, s => SlotIds.Encode(s.Key));
            });

        query.Field<NonNullGraphType<ConnectionType<AppointmentSlotType, AppointmentSlot>>>("nearestSlots")
            .Description($"The earliest free slots for a service across a governorate's centers that offer it and are PILOT or LIVE, from "
                + $"an instant (default now) over the next {SlotFinder.MaxRangeDays} days, earliest first. For the next page, ask again "
                + $"from the last slot's startsAt. Public.")
            .Argument<NonNullGraphType<CenterServiceType>>("service")
            .Argument<NonNullGraphType<GovernorateCodeType>>("governorate")
            .Argument<DateTimeScalar>("from")
            .Argument<IntGraphType>("first", $"Up to {PageArguments.MaxPageSize} slots (default {PageArguments.DefaultPageSize}).")
            .ResolveAsync(async ctx =>
            {
                var first = ctx.GetArgument<int?>("first") ?? PageArguments.DefaultPageSize;
                if (first is < 0 or > PageArguments.MaxPageSize)
                {
                    throw ApiErrors.BadInput($"first is between 0 and {PageArguments.MaxPageSize}.", "first");
                }

                var governorate = ctx.GetArgument<string>("governorate");
                var from = ctx.GetArgument<DateTimeOffset?>("from") ?? ctx.Service<TimeProvider>().GetUtcNow();
                var centers = (await ctx.Service<CenterLookup>().List()).Where(c => c.Profile.Governorate == governorate).ToList();
                var slots = await ctx.Service<SlotFinder>().Nearest(centers, ctx.GetArgument<CenterService>("service"), from, first);
                return ConnectionResolver.FromList(new PageArguments(first, null, null, null), slots, $"nearestSlots/{governorate}", OrderKey, s => SlotIds.Encode(s.Key));
            });
    }

    private static string OrderKey(AppointmentSlot slot) =>
        slot.StartsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
