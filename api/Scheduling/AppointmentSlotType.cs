using Actors.Api.Centers;
using Actors.Api.GraphQL;
using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class AppointmentSlotType : ObjectGraphType<AppointmentSlot>
{
    public const string TypeName = "AppointmentSlot";

    public AppointmentSlotType()
    {
        Name = TypeName;
        Description = "One bookable time at a center for a service: as many people as the service's desks there.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque; give it to bookAppointment or rescheduleAppointment as slot.")
            .Resolve(ctx => SlotIds.Encode(ctx.Source.Key));
        Field<ServiceCenterType>("center").ResolveAsync(async ctx => await ctx.Service<CenterLookup>().Find(ctx.Source.CenterId));
        Field<NonNullGraphType<CenterServiceType>>("service").Resolve(ctx => ctx.Source.Service);
        Field<NonNullGraphType<DateTimeScalar>>("startsAt").Resolve(ctx => ctx.Source.StartsAt);
        Field<NonNullGraphType<DateTimeScalar>>("endsAt").Resolve(ctx => ctx.Source.EndsAt);
        Field<NonNullGraphType<IntGraphType>>("desks").Description("Desks of the service's category open at that time.").Resolve(ctx => ctx.Source.Desks);
        Field<NonNullGraphType<IntGraphType>>("remaining").Description("Desks still free (bookings and holds in progress counted).")
            .Resolve(ctx => ctx.Source.Remaining);
    }
}
