using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Requests;
using Actors.Contracts.Campaigns;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Naming;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

/// <summary>Delivery at school, grouped by school: prepare a round at the center, dispatch it, record the handover, or cancel it.</summary>
public static class SchoolDeliveryMutations
{
    public static void AddSchoolDeliveryMutations(this ObjectGraphType mutation, DomainErrorTypes errors)
    {
        mutation.AddMutation(errors, SchoolDeliveryOperations.PrepareSchoolDelivery,
            "Prepares a delivery round of a campaign school's cards READY_FOR_DELIVERY at the agent's center (AGENT): the chosen cards, "
            + "or all of them. A card is in at most one open round. Idempotent with idempotencyKey.",
            new PrepareSchoolDeliveryInputType(), "round", SchoolDeliveryRoundType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<PrepareSchoolDeliveryInput>("input");
                var key = InputText.Required(input.IdempotencyKey, "input.idempotencyKey", IdempotencyPolicy.MaxKeyLength);
                if (!IdempotencyPolicy.IsWellFormed(key))
                {
                    throw ApiErrors.BadInput($"idempotencyKey is {IdempotencyPolicy.KeyFormat}.", "input.idempotencyKey");
                }

                var plan = new SchoolDeliveryPlan(
                    GlobalId.DecodeGuid(input.CampaignId, CampaignType.TypeName, "input.campaignId"),
                    InputText.Required(input.SchoolCode, "input.schoolCode", 32),
                    input.RequestIds?.Select(id => GlobalId.DecodeGuid(id, CitizenRequestType.TypeName, "input.requestIds")).ToList());
                return await ctx.Service<IGrainFactory>().Reference<ISchoolDeliveryRoundGrain>(SchoolDeliveryRoundIds.For(actor, key)).Prepare(actor, plan);
            });

        mutation.AddMutation(errors, SchoolDeliveryOperations.DispatchSchoolDelivery,
            "The round leaves the center for the school (AGENT of the round's center).",
            new DispatchSchoolDeliveryInputType(), "round", SchoolDeliveryRoundType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<SchoolDeliveryRoundInput>("input");
                return await Round(ctx, input.RoundId).Dispatch(actor);
            });

        mutation.AddMutation(errors, SchoolDeliveryOperations.RecordSchoolHandover,
            "Records what happened at the school (AGENT of the round's center, EDUCATION_OFFICER): each card delivered to its pupil "
            + "(the request's CONFIRM_DELIVERY at SCHOOL) or returned to the center with a reason. Every card of the round once; "
            + "a card no longer READY_FOR_DELIVERY refuses the whole handover. The same handover again returns the round.",
            new RecordSchoolHandoverInputType(), "round", SchoolDeliveryRoundType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<RecordSchoolHandoverInput>("input");
                var handover = new SchoolHandover(
                    input.Delivered.Select(id => GlobalId.DecodeGuid(id, CitizenRequestType.TypeName, "input.delivered")).ToList(),
                    input.Returned.Select(r => new SchoolDeliveryReturn(GlobalId.DecodeGuid(r.RequestId, CitizenRequestType.TypeName, "input.returned"), r.Reason ?? "")).ToList());
                return await Round(ctx, input.RoundId).RecordHandover(actor, handover);
            });

        mutation.AddMutation(errors, SchoolDeliveryOperations.CancelSchoolDelivery,
            "Cancels a round that has not left (AGENT of the round's center, SUPERVISOR of its governorate); its cards are free for another round.",
            new CancelSchoolDeliveryInputType(), "round", SchoolDeliveryRoundType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<SchoolDeliveryRoundInput>("input");
                return await Round(ctx, input.RoundId).Cancel(actor, input.Reason);
            });
    }

    private static ISchoolDeliveryRoundGrain Round(IResolveFieldContext ctx, string roundId) =>
        ctx.Service<IGrainFactory>().Reference<ISchoolDeliveryRoundGrain>(GlobalId.DecodeGuid(roundId, SchoolDeliveryRoundType.TypeName, "input.roundId"));
}
