using Actors.Contracts.Audit;
using GraphQL.Types;

namespace Actors.Api.Audit;

public sealed class AuditKindType : EnumerationGraphType<AuditKind>
{
    public AuditKindType()
    {
        Name = "AuditKind";
        Description = "MUTATION: a change (a mutation, or an HTTP request that changes state); READ: a read of personal data.";
    }
}
