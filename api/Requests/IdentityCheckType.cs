using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class IdentityCheckType : EnumerationGraphType<IdentityCheck>
{
    public IdentityCheckType()
    {
        Name = "IdentityCheck";
        Description = "How the agent checked who collects a card at the center. Only the kind of proof is kept, never a document number.";
    }
}
