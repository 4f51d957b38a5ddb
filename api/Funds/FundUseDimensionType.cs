using Actors.Contracts.Funds.Index;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class FundUseDimensionType : EnumerationGraphType<AllocationDimension>
{
    public FundUseDimensionType()
    {
        Name = "FundUseDimension";
        Description = "What fundUse groups by: the programme line, the municipality's governorate.";
    }
}
