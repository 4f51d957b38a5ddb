using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class RequestStatusType : EnumerationGraphType<RequestStatus>
{
    public RequestStatusType() => Name = "RequestStatus";
}
