using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class IdCardReasonType : EnumerationGraphType<IdCardReason>
{
    public IdCardReasonType() => Name = "IdCardReason";
}
