using GraphQL.Types;

namespace Actors.Api.GraphQL;

/// <summary>ISO-8601 date and time with offset, named DateTime as clients expect.</summary>
public sealed class DateTimeScalar : DateTimeOffsetGraphType
{
    /// <summary>The form a client must send, as named in input errors' <c>expectedFormat</c>.</summary>
    public const string Format = "yyyy-MM-ddTHH:mm:ss±hh:mm";

    public const string Example = "2026-11-25T09:30:00+01:00";

    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "An ISO-8601 date and time with offset, e.g. 2026-11-25T09:30:00+01:00. Days are counted in Africa/Tunis.";
    }
}
