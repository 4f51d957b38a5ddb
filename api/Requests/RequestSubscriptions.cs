using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
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
                var changes = await ctx.Service<RequestStatusHub>().JoinAsync(id, ctx.CancellationToken);
                CitizenRequestView? current;
                try
                {
                    current = await ctx.Service<IGrainFactory>().Reference<ICitizenRequestGrain>(id).Find(actor);
                }
                catch
                {
                    changes.Leave();
                    throw;
                }

                if (current is null)
                {
                    changes.Leave();
                    throw ApiErrors.NotFound();
                }

                changes.StartAfter(current.Version);
                return changes;
            });
}
