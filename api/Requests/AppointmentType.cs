using Actors.Api.Centers;
using Actors.Api.GraphQL;
using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class AppointmentType : ObjectGraphType<Appointment>
{
    public AppointmentType()
    {
        Name = "Appointment";
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When it starts (the same as startsAt).").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<DateTimeScalar>>("startsAt").Resolve(ctx => ctx.Source.At);
        Field<DateTimeScalar>("endsAt").Description("Null for an appointment booked before slots existed.").Resolve(ctx => ctx.Source.EndsAt);
        Field<CenterServiceType>("service").Description("Null for an appointment booked before slots existed.").Resolve(ctx => ctx.Source.Service);
        Field<ServiceCenterType>("center").ResolveAsync(async ctx => await ctx.Service<CenterLookup>().Find(ctx.Source.CenterId));
    }
}
