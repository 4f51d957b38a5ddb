using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Requests;

public static class RequestMutations
{
    private static readonly string[] SubmitErrors =
    [
        ErrorCodes.CenterNotFound, ErrorCodes.CenterDoesNotOfferService, ErrorCodes.CenterNotTakingRequests,
        ErrorCodes.IdempotencyKeyReused, ErrorCodes.NotAllowed, ErrorCodes.GuardianConsentRequired,
    ];

    public static void AddRequestMutations(this ObjectGraphType mutation, DomainErrorTypes errors)
    {

        mutation.AddMutation(errors, "submitIdCardRequest",
            "Submits a national ID card request (CITIZEN for themselves, EDUCATION_OFFICER for a pupil, AGENT at the desk). Idempotent with idempotencyKey.",
            new SubmitIdCardRequestInputType(), "request", CitizenRequestType.TypeName, SubmitErrors,
            async ctx =>
            {
                var actor = ctx.RequireRole(ActorRole.Citizen, ActorRole.EducationOfficer, ActorRole.Agent);
                var application = ApplicationValidation.IdCard(ctx.GetArgument<SubmitIdCardRequestInput>("input"), ctx.Service<TimeProvider>());
                if (actor.Role == ActorRole.EducationOfficer && application.Pupil is null)
                {
                    throw ApiErrors.BadInput("An education officer submits for pupils only: set pupil.", "input.pupil");
                }

                return await Grain(ctx, actor, application.IdempotencyKey).SubmitIdCard(actor, application);
            });

        mutation.AddMutation(errors, "submitCriminalRecordRequest",
            "Submits a bulletin no. 3 extract request (CITIZEN, or AGENT at the desk). Idempotent with idempotencyKey.",
            new SubmitCriminalRecordRequestInputType(), "request", CitizenRequestType.TypeName, SubmitErrors,
            async ctx =>
            {
                var actor = ctx.RequireRole(ActorRole.Citizen, ActorRole.Agent);
                var application = ApplicationValidation.CriminalRecord(ctx.GetArgument<SubmitCriminalRecordRequestInput>("input"), ctx.Service<TimeProvider>());
                return await Grain(ctx, actor, application.IdempotencyKey).SubmitCriminalRecord(actor, application);
            });

        foreach (var transition in RequestTransitions.All)
        {
            var action = transition.Action;
            var name = TransitionInputs.FieldName(action);
            mutation.AddMutation(errors, name, TransitionInputs.Describe(transition),
                TransitionInputs.For(transition), "request", CitizenRequestType.TypeName, TransitionInputs.ErrorCodesOf(action),
                async ctx =>
                {
                    var actor = ctx.RequireActor();
                    var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                    var id = GlobalId.DecodeGuid(input["requestId"] as string, CitizenRequestType.TypeName);
                    var command = TransitionInputs.Command(action, input);
                    return await ctx.Service<IGrainFactory>().GetGrain<ICitizenRequestGrain>(id).Perform(actor, command);
                });
        }
    }

    private static ICitizenRequestGrain Grain(IResolveFieldContext ctx, Actor actor, string? idempotencyKey) =>
        ctx.Service<IGrainFactory>().GetGrain<ICitizenRequestGrain>(
            RequestKeys.For(actor.Subject, idempotencyKey ?? Guid.NewGuid().ToString("N")));
}
