using Actors.Api.GraphQL;
using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class SpecialHoursPeriodType : ObjectGraphType<SpecialHoursPeriod>
{
    public const string TypeName = "SpecialHoursPeriod";

    public SpecialHoursPeriodType()
    {
        Name = TypeName;
        Description = "A period with other hours (Ramadan, the summer single session), both days included, entered by an operator; "
                      + "its hours replace the weekly hours on its days, holidays and closures still apply.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("What remove…SpecialHoursPeriod takes.").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<DateScalar>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateScalar>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DayHoursType>>>>("hours").Resolve(ctx => ctx.Source.Hours.Days);
        Field<NonNullGraphType<CalendarScopeType>>("scope")
            .Resolve(ctx => ctx.Source.National ? CalendarScopeType.National : CalendarScopeType.Center);
    }
}
