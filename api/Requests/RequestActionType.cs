using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class RequestActionType : EnumerationGraphType<RequestAction>
{
    public RequestActionType() => Name = "RequestAction";
}
