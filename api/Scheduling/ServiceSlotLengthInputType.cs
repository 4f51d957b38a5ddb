using Actors.Api.Centers;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class ServiceSlotLengthInputType : InputObjectGraphType<ServiceSlotLengthInput>
{
    public ServiceSlotLengthInputType()
    {
        Name = "ServiceSlotLengthInput";
        Description = "How long one appointment for a service takes, 5 to 240 minutes.";
        Field<NonNullGraphType<CenterServiceType>>("service");
        Field<NonNullGraphType<IntGraphType>>("minutes");
    }
}
