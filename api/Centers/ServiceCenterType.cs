using Actors.Api.Geography;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Scheduling;
using Actors.Contracts.Centers;
using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class ServiceCenterType : ObjectGraphType<ServiceCenterView>
{
    public const string TypeName = "ServiceCenter";

    public ServiceCenterType()
    {
        Name = TypeName;
        Description = "A center where citizens are served: a one-stop-shop office, a model office or a judicial office.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is ServiceCenterView;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Code));
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("nameAr").Resolve(ctx => ctx.Source.Profile.NameAr);
        Field<NonNullGraphType<StringGraphType>>("nameFr").Resolve(ctx => ctx.Source.Profile.NameFr);
        Field<NonNullGraphType<StringGraphType>>("name").Description("In the caller's Accept-Language (French by default).")
            .Resolve(ctx => ctx.Localized(ctx.Source.Profile.NameAr, ctx.Source.Profile.NameFr));
        Field<NonNullGraphType<GovernorateType>>("governorate").Resolve(ctx => Governorates.Find(ctx.Source.Profile.Governorate));
        Field<NonNullGraphType<StringGraphType>>("district").Description("The National Security district.").Resolve(ctx => ctx.Source.Profile.District);
        Field<NonNullGraphType<CenterKindType>>("kind").Resolve(ctx => ctx.Source.Profile.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OfferedServiceType>>>>("services").Resolve(ctx => ctx.Source.Profile.Services);
        Field<NonNullGraphType<RolloutPhaseType>>("rolloutPhase").Resolve(ctx => ctx.Source.Phase);
        Field<NonNullGraphType<CenterReadinessType>>("readiness").Resolve(ctx => ctx.Source.Readiness);
        Field<NonNullGraphType<IntGraphType>>("dailyCapacity").Description("Appointments per day.").Resolve(ctx => ctx.Source.Profile.DailyCapacity);
        Field<NonNullGraphType<BooleanGraphType>>("takesRequests").Description("True in PILOT and LIVE.").Resolve(ctx => ctx.Source.TakesRequests);
        Field<NonNullGraphType<BooleanGraphType>>("isDemo").Description("Demo data, not an official center.").Resolve(ctx => ctx.Source.Profile.IsDemo);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(ctx => ctx.Source.UpdatedAt);
        Field<NonNullGraphType<LongGraphType>>("version").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<CenterCalendarType>>("calendar")
            .Description("Its published calendar: weekly hours, special periods (its own and the national ones), closures, desks, slot lengths.")
            .ResolveAsync(async ctx => await PublishedCalendars.Of(ctx.Service<IGrainFactory>(), ctx.Source.Code) ?? throw ApiErrors.NotFound());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RolloutPhaseType>>>>("availableActions")
            .Description("The phases changeCenterRolloutPhase can move the center to now (OPERATOR): LIVE once its readiness allows, SUSPENDED with a reason.")
            .Resolve(ctx => CenterPhaseTransitions.AvailableFrom(ctx.Source.Phase, ctx.Source.Readiness));
    }
}
