using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class RequestWaitingType : ObjectGraphType<RequestWaiting>
{
    public RequestWaitingType()
    {
        Name = "RequestWaiting";
        Description = "The request's center cannot take it further now (suspended, or the service withdrawn). It is never moved without the citizen's consent.";
        Field<NonNullGraphType<WaitingReasonType>>("reason").Resolve(ctx => ctx.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
    }
}
