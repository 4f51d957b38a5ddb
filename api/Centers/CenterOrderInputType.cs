using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class CenterOrderInputType : InputObjectGraphType<CenterOrder>
{
    public CenterOrderInputType()
    {
        Name = "CenterOrderInput";
        Field<NonNullGraphType<EnumerationGraphType<CenterSortField>>>("field").Description("CODE (default), NAME (French), READINESS.");
        Field<SortDirectionType>("direction").DefaultValue(SortDirectionType.Ascending);
    }
}
