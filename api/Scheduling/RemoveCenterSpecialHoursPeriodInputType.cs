using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class RemoveCenterSpecialHoursPeriodInputType : InputObjectGraphType<RemoveCenterSpecialHoursPeriodInput>
{
    public RemoveCenterSpecialHoursPeriodInputType()
    {
        Name = "RemoveCenterSpecialHoursPeriodInput";
        Description = "The center's period to remove.";
        Field<NonNullGraphType<IdGraphType>>("centerId");
        Field<NonNullGraphType<IdGraphType>>("periodId");
    }
}
