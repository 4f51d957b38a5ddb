using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class RequestKindType : EnumerationGraphType<RequestKind>
{
    public RequestKindType() => Name = "RequestKind";
}
