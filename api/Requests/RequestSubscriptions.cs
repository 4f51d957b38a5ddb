using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Requests;

public static class RequestSubscriptions
{
    public static void AddRequestSubscriptions(this ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<RequestStatusChangeType>>("requestStatusChanged")
            .Description("Every committed step of one request, live. For its owner, its center's agents and its governorate's supervisors.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveStreamAsync(async ctx =>
            {
                var id = GlobalId.DecodeGuid(ctx.GetArgument<string>("id"), CitizenRequestType.TypeName);
                var actor = ctx.RequireActor();
                if (await ctx.Service<IGrainFactory>().GetGrain<ICitizenRequestGrain>(id).Find(actor) is null)
                {
                    throw ApiErrors.NotFound("Request");
                }

                var stream = ctx.Service<IClusterClient>().GetStreamProvider(StreamNames.Provider)
                    .GetStream<RequestIndexEntry>(StreamId.Create(StreamNames.RequestStatus, id));
                return new OrleansStreamObservable<RequestIndexEntry>(stream, ctx.Service<ILogger<OrleansStreamObservable<RequestIndexEntry>>>());
            });
}
