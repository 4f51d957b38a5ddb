using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class DayHoursType : ObjectGraphType<DayHours>
{
    public DayHoursType()
    {
        Name = "DayHours";
        Description = "The sessions of one weekday; a weekday that is not listed is closed.";
        Field<NonNullGraphType<WeekdayType>>("day").Resolve(ctx => ctx.Source.Day);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OpeningHoursType>>>>("sessions").Resolve(ctx => ctx.Source.Sessions);
    }
}
