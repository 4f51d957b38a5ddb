using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class AllocationOrderInputType : InputObjectGraphType<AllocationOrderInput>
{
    public AllocationOrderInputType()
    {
        Name = "AllocationOrderInput";
        Description = "Default: newest proposals first (PROPOSED_AT, DESC). Ties are broken by id.";
        Field<NonNullGraphType<AllocationSortFieldType>>("field");
        Field<SortDirectionType>("direction").DefaultValue(SortDirectionType.Descending);
    }
}
