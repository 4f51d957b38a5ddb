using Actors.Contracts.Funds.Index;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class AllocationSortFieldType : EnumerationGraphType<AllocationSortField>
{
    public AllocationSortFieldType() => Name = "AllocationSortField";
}
