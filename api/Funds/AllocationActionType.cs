using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class AllocationActionType : EnumerationGraphType<AllocationAction>
{
    public AllocationActionType()
    {
        Name = "AllocationAction";
        Description = "A step of an allocation; each is a mutation (PROPOSE is allocateFunds, APPROVE is approveAllocation, ...).";
    }
}
