using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Payments;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Requests;

/// <summary>
/// The request mutations: each is one of <see cref="RequestOperations"/>, whose declared refusals are
/// its error union. The API checks the input's shape; the grain checks every rule of the pathway.
/// </summary>
public static class RequestMutations
{
    public static void AddRequestMutations(this ObjectGraphType mutation, DomainErrorTypes errors)
    {
        mutation.AddMutation(errors, RequestOperations.SubmitIdCardRequest,
            "Submits a national ID card request (CITIZEN for themselves, EDUCATION_OFFICER for a pupil, AGENT at the desk). Idempotent with idempotencyKey.",
            new SubmitIdCardRequestInputType(), "request", CitizenRequestType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var application = ApplicationValidation.IdCard(ctx.GetArgument<SubmitIdCardRequestInput>("input"), ctx.Service<TimeProvider>());
                return await Grain(ctx, actor, application.IdempotencyKey).SubmitIdCard(actor, application);
            });

        mutation.AddMutation(errors, RequestOperations.SubmitCriminalRecordRequest,
            "Submits a bulletin no. 3 extract request (CITIZEN, or AGENT at the desk). Idempotent with idempotencyKey.",
            new SubmitCriminalRecordRequestInputType(), "request", CitizenRequestType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var application = ApplicationValidation.CriminalRecord(ctx.GetArgument<SubmitCriminalRecordRequestInput>("input"), ctx.Service<TimeProvider>());
                return await Grain(ctx, actor, application.IdempotencyKey).SubmitCriminalRecord(actor, application);
            });

        foreach (var transition in RequestTransitions.All)
        {
            var action = transition.Action;
            mutation.AddMutation(errors, RequestOperations.For(action), TransitionInputs.Describe(transition),
                TransitionInputs.For(transition), "request", CitizenRequestType.TypeName,
                async ctx =>
                {
                    var actor = ctx.RequireActor();
                    var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                    var id = GlobalId.DecodeGuid(input["requestId"] as string, CitizenRequestType.TypeName, "input.requestId");
                    var command = TransitionInputs.Command(action, input);
                    return await ctx.Service<IGrainFactory>().Reference<ICitizenRequestGrain>(id).Perform(actor, command);
                });
        }

        AddStartPayment(mutation, errors);
        AddMoveRequestToCenter(mutation, errors);
    }

    private static void AddMoveRequestToCenter(ObjectGraphType mutation, DomainErrorTypes errors) =>
        mutation.AddMutation(errors, RequestOperations.MoveRequestToCenter,
            "Moves a request to another center of its governorate, at its owner's request (CITIZEN, or the EDUCATION_OFFICER who submitted): "
            + "the consent a request needs to leave a center that is suspended or no longer offers the service. Before an appointment is booked.",
            new MoveRequestToCenterInputType(), "request", CitizenRequestType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<MoveRequestToCenterInput>("input");
                var id = GlobalId.DecodeGuid(input.RequestId, CitizenRequestType.TypeName, "input.requestId");
                var centerId = GlobalId.DecodeKey(input.CenterId, Centers.ServiceCenterType.TypeName, "input.centerId");
                return await ctx.Service<IGrainFactory>().Reference<ICitizenRequestGrain>(id).MoveToCenter(actor, centerId);
            });

    private static void AddStartPayment(ObjectGraphType mutation, DomainErrorTypes errors) =>
        mutation.AddMutation(errors, RequestOperations.StartPayment,
            "Starts paying the fee online (AWAITING_PAYMENT; the owner (CITIZEN or the EDUCATION_OFFICER who submitted), or an AGENT or SUPERVISOR in scope): returns the gateway's hosted page (redirectUrl), "
            + "the exact amount and the expiry. The request becomes PAID when the gateway confirms the capture. Idempotent with idempotencyKey.",
            new StartPaymentInputType(), "payment", OnlinePaymentType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<StartPaymentInput>("input");
                var id = GlobalId.DecodeGuid(input.RequestId, CitizenRequestType.TypeName, "input.requestId");
                var key = ApplicationValidation.IdempotencyKey(input.IdempotencyKey);
                var started = await ctx.Service<IGrainFactory>().Reference<IPaymentDeskGrain>(0).Start(actor, id, key);
                return new OnlinePayment(started.Payment, started.Request);
            });

    private static ICitizenRequestGrain Grain(IResolveFieldContext ctx, Actor actor, string? idempotencyKey) =>
        ctx.Service<IGrainFactory>().Reference<ICitizenRequestGrain>(
            RequestKeys.For(actor.Issuer, actor.Subject, idempotencyKey ?? Guid.NewGuid().ToString("N")));
}
