using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class AddCenterSpecialHoursPeriodInputType : InputObjectGraphType<AddCenterSpecialHoursPeriodInput>
{
    public AddCenterSpecialHoursPeriodInputType()
    {
        Name = "AddCenterSpecialHoursPeriodInput";
        Description = "The center's own period with other hours, both days included, at most 366 days, not overlapping another of its periods; on its days it wins over a national period.";
        Field<NonNullGraphType<IdGraphType>>("centerId");
        Field<NonNullGraphType<StringGraphType>>("name").Description("At most 100 characters.");
        Field<NonNullGraphType<DateScalar>>("from");
        Field<NonNullGraphType<DateScalar>>("to");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DayHoursInputType>>>>("hours");
    }
}
