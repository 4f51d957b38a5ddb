using Actors.Api.Centers;
using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class ServiceSlotLengthType : ObjectGraphType<ServiceSlotLength>
{
    public ServiceSlotLengthType()
    {
        Name = "ServiceSlotLength";
        Description = "How long one appointment for a service takes at a desk.";
        Field<NonNullGraphType<CenterServiceType>>("service").Resolve(ctx => ctx.Source.Service);
        Field<NonNullGraphType<IntGraphType>>("minutes").Resolve(ctx => ctx.Source.Minutes);
    }
}
