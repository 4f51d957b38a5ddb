using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class WaitingReasonType : EnumerationGraphType<WaitingReason>
{
    public WaitingReasonType() => Name = "WaitingReason";
}
