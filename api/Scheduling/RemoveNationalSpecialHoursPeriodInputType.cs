using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class RemoveNationalSpecialHoursPeriodInputType : InputObjectGraphType<RemoveNationalSpecialHoursPeriodInput>
{
    public RemoveNationalSpecialHoursPeriodInputType()
    {
        Name = "RemoveNationalSpecialHoursPeriodInput";
        Description = "The national period to remove.";
        Field<NonNullGraphType<IdGraphType>>("periodId");
    }
}
