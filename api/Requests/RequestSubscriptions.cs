using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Events;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Requests;

public static class RequestSubscriptions
{
    public static void AddRequestSubscriptions(this ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<RequestStatusChangeType>>("requestStatusChanged")
            .Description("Every step of one request committed after subscribing, live. For its owner, its center's agents and its governorate's supervisors.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveStreamAsync(async ctx =>
            {
                var id = GlobalId.DecodeGuid(ctx.GetArgument<string>("id"), CitizenRequestType.TypeName);
                var actor = ctx.RequireActor();
                // Join the stream first, then read the request: every step committed after that read is delivered.
                var stream = ctx.Service<IClusterClient>().GetStreamProvider(StreamNames.Provider)
                    .GetStream<RequestStatusChanged>(StreamId.Create(StreamNames.RequestStatus, id));
                var changes = await OrleansStreamObservable<RequestStatusChanged>.SubscribeAsync(
                    stream, ctx.Service<ILogger<OrleansStreamObservable<RequestStatusChanged>>>());
                var current = await ctx.Service<IGrainFactory>().GetGrain<ICitizenRequestGrain>(id).Find(actor);
                if (current is null)
                {
                    await changes.LeaveAsync();
                    throw ApiErrors.NotFound();
                }

                changes.Accept(change => change.Version > current.Version);
                return changes;
            });
}
