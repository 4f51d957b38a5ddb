using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class OpeningHoursType : ObjectGraphType<OpeningHours>
{
    public OpeningHoursType()
    {
        Name = "OpeningHours";
        Description = "One session of a working day, Africa/Tunis time: open from opens until closes.";
        Field<NonNullGraphType<StringGraphType>>("opens").Description("\"HH:mm\".").Resolve(ctx => TimeOfDay.Write(ctx.Source.Opens));
        Field<NonNullGraphType<StringGraphType>>("closes").Description("\"HH:mm\", excluded.").Resolve(ctx => TimeOfDay.Write(ctx.Source.Closes));
    }
}
