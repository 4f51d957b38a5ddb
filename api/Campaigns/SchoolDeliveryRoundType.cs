using Actors.Api.Centers;
using Actors.Api.Geography;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Campaigns;
using Actors.Contracts.Geography;
using Actors.Contracts.Naming;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class SchoolDeliveryRoundType : ObjectGraphType<SchoolDeliveryRoundView>
{
    public const string TypeName = "SchoolDeliveryRound";

    public SchoolDeliveryRoundType()
    {
        Name = TypeName;
        Description = "The cards of one campaign school that travel together from a center: PREPARED → DISPATCHED → HANDED_OVER, or CANCELLED before it leaves.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is SchoolDeliveryRoundView;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => Id(ctx.Source.Id));
        Field<CampaignType>("campaign").Description("Null for callers who do not read campaigns (AGENT).")
            .ResolveAsync(async ctx => ctx.MayReadCampaigns() ? await ctx.Service<IGrainFactory>().Reference<ICampaignGrain>(ctx.Source.CampaignId).Find() : null);
        Field<NonNullGraphType<StringGraphType>>("schoolCode").Resolve(ctx => ctx.Source.SchoolCode);
        Field<NonNullGraphType<StringGraphType>>("schoolName").Resolve(ctx => ctx.Source.SchoolName);
        Field<NonNullGraphType<GovernorateType>>("governorate").Resolve(ctx => Governorates.Find(ctx.Source.Governorate));
        Field<ServiceCenterType>("center").Description("The center the cards leave from and come back to.")
            .ResolveAsync(async ctx => await ctx.Service<CenterLookup>().Find(ctx.Source.CenterId));
        Field<NonNullGraphType<SchoolDeliveryRoundStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SchoolDeliveryCardType>>>>("cards").Description("By request reference.")
            .Resolve(ctx => ctx.Source.Cards);
        Field<NonNullGraphType<IntGraphType>>("delivered").Resolve(ctx => ctx.Source.Cards.Count(c => c.Outcome == SchoolDeliveryOutcome.Delivered));
        Field<NonNullGraphType<IntGraphType>>("returned").Resolve(ctx => ctx.Source.Cards.Count(c => c.Outcome == SchoolDeliveryOutcome.Returned));
        Field<NonNullGraphType<StringGraphType>>("preparedBy").Description("Role and subject, as in request histories.").Resolve(ctx => ctx.Source.PreparedBy);
        Field<NonNullGraphType<DateTimeScalar>>("preparedAt").Resolve(ctx => ctx.Source.PreparedAt);
        Field<DateTimeScalar>("dispatchedAt").Resolve(ctx => ctx.Source.DispatchedAt);
        Field<DateTimeScalar>("handedOverAt").Resolve(ctx => ctx.Source.HandedOverAt);
        Field<StringGraphType>("handedOverBy").Description("Who recorded the handover (AGENT or EDUCATION_OFFICER).").Resolve(ctx => ctx.Source.HandedOverBy);
        Field<DateTimeScalar>("cancelledAt").Resolve(ctx => ctx.Source.CancelledAt);
        Field<StringGraphType>("cancelReason").Resolve(ctx => ctx.Source.CancelReason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SchoolDeliveryActionType>>>>("availableActions")
            .Description("The steps the caller can take now; each is a mutation of the same name.")
            .Resolve(ctx => ctx.Actor() is { } actor ? SchoolDeliveryTransitions.AvailableFor(ctx.Source, actor) : Array.Empty<SchoolDeliveryAction>());
        Field<NonNullGraphType<LongGraphType>>("version").Resolve(ctx => ctx.Source.Version);
    }

    public static string Id(Guid id) => GlobalId.Encode(TypeName, id);
}
