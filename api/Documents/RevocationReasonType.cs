using Actors.Contracts.Documents;
using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class RevocationReasonType : EnumerationGraphType<RevocationReason>
{
    public RevocationReasonType() => Name = "RevocationReason";
}
