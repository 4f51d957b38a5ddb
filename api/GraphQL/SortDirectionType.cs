using GraphQL.Types;

namespace Actors.Api.GraphQL;

public sealed class SortDirectionType : EnumerationGraphType
{
    public const string Ascending = "ASC";
    public const string Descending = "DESC";

    public SortDirectionType()
    {
        Name = "SortDirection";
        Add(Ascending, Ascending, "Smallest first.");
        Add(Descending, Descending, "Largest first.");
    }
}
