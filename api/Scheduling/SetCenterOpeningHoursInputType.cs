using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class SetCenterOpeningHoursInputType : InputObjectGraphType<SetCenterOpeningHoursInput>
{
    public SetCenterOpeningHoursInputType()
    {
        Name = "SetCenterOpeningHoursInput";
        Description = "The center's weekly hours, replacing the old ones.";
        Field<NonNullGraphType<IdGraphType>>("centerId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DayHoursInputType>>>>("hours").Description("A weekday not listed is closed; at least one day opens.");
    }
}
