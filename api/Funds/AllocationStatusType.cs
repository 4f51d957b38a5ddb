using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class AllocationStatusType : EnumerationGraphType<AllocationStatus>
{
    public AllocationStatusType()
    {
        Name = "AllocationStatus";
        Description = "PROPOSED (reserves its amount) → APPROVED → COMMITTED → PARTIALLY_DISBURSED / DISBURSED → CLOSED; CANCELLED returns the undisbursed amount. CLOSED and CANCELLED are final.";
    }
}
