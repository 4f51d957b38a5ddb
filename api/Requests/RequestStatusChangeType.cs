using Actors.Api.GraphQL;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class RequestStatusChangeType : ObjectGraphType<RequestIndexEntry>
{
    public RequestStatusChangeType()
    {
        Name = "RequestStatusChange";
        Description = "A committed step of a request, delivered live.";
        Field<NonNullGraphType<IdGraphType>>("requestId").Resolve(ctx => CitizenRequestType.Id(ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("reference").Resolve(ctx => ctx.Source.Reference);
        Field<NonNullGraphType<RequestStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<LongGraphType>>("version").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.UpdatedAt);
        Field<CitizenRequestType>("request").Description("The request as it is now (read from its grain).")
            .ResolveAsync(async ctx => ctx.Actor() is { } actor
                ? await ctx.Service<IGrainFactory>().GetGrain<ICitizenRequestGrain>(ctx.Source.Id).Find(actor)
                : null);
    }
}
