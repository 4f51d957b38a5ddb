using Actors.Api.GraphQL;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Events;
using GraphQL.Types;

namespace Actors.Api.Requests;

/// <summary>A committed step, read from its <see cref="RequestStatusChanged"/> event (no grain call per notification).</summary>
public sealed class RequestStatusChangeType : ObjectGraphType<RequestStatusChanged>
{
    public RequestStatusChangeType()
    {
        Name = "RequestStatusChange";
        Description = "A committed step of a request, delivered live.";
        Field<NonNullGraphType<IdGraphType>>("requestId").Resolve(ctx => CitizenRequestType.Id(ctx.Source.Request.Id));
        Field<NonNullGraphType<StringGraphType>>("reference").Resolve(ctx => ctx.Source.Request.Reference);
        Field<NonNullGraphType<RequestStatusType>>("status").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<LongGraphType>>("version").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<CitizenRequestType>("request").Description("The request as this step left it (carried by the event).")
            .Resolve(ctx => ctx.Actor() is { } actor && RequestAccess.MaySee(actor, ctx.Source.Request) ? ctx.Source.Request : null);
    }
}
