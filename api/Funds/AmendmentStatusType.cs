using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class AmendmentStatusType : EnumerationGraphType<AmendmentStatus>
{
    public AmendmentStatusType()
    {
        Name = "AmendmentStatus";
        Description = "PROPOSED, then APPROVED (applied to the appropriations) or REJECTED.";
    }
}
