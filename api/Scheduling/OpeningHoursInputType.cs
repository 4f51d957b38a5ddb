using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class OpeningHoursInputType : InputObjectGraphType<OpeningHoursInput>
{
    public OpeningHoursInputType()
    {
        Name = "OpeningHoursInput";
        Description = "One session, Africa/Tunis time, \"HH:mm\": opens before closes, within 06:00–22:00, at least 30 minutes.";
        Field<NonNullGraphType<StringGraphType>>("opens").Description("\"HH:mm\".");
        Field<NonNullGraphType<StringGraphType>>("closes").Description("\"HH:mm\", excluded.");
    }
}
