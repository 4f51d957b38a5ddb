using GraphQL.Types;

namespace Actors.Api.GraphQL;

/// <summary>ISO-8601 calendar date (yyyy-MM-dd).</summary>
public sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar()
    {
        Name = "Date";
        Description = "An ISO-8601 calendar date, yyyy-MM-dd.";
    }
}
