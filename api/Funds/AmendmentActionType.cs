using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class AmendmentActionType : EnumerationGraphType<AmendmentAction>
{
    public AmendmentActionType()
    {
        Name = "AmendmentAction";
        Description = "A decision on a proposed amendment; each is a mutation (APPROVE is approveAmendment, REJECT is rejectAmendment).";
    }
}
