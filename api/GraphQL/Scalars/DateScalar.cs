using GraphQL.Types;

namespace Actors.Api.GraphQL;

/// <summary>ISO-8601 calendar date (yyyy-MM-dd).</summary>
public sealed class DateScalar : DateOnlyGraphType
{
    /// <summary>The form a client must send, as named in input errors' <c>expectedFormat</c>.</summary>
    public const string Format = "yyyy-MM-dd";

    public const string Example = "1995-02-03";

    public DateScalar()
    {
        Name = "Date";
        Description = "An ISO-8601 calendar date, yyyy-MM-dd.";
    }
}
