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
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<ServiceCenterType>("center").ResolveAsync(async ctx => await ctx.Service<CenterLookup>().Find(ctx.Source.CenterId));
    }
}
