using Actors.Api.Geography;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Money;
using Actors.Contracts.Funds;
using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class AllocationType : ObjectGraphType<Allocation>
{
    public const string TypeName = "Allocation";

    public AllocationType()
    {
        Name = TypeName;
        Description = "An allocation from a fund programme to a municipality, with every step recorded (who, when, why).";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Allocation;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => FundIds.Encode(TypeName, ctx.Source.Year, ctx.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(ctx => ctx.Source.Year);
        Field<NonNullGraphType<FundType>>("fund").Description("The fund year, with its totals now.")
            .ResolveAsync(async ctx => await ctx.Service<FundLookup>().Fund(ctx.Source.Year));
        Field<NonNullGraphType<FundProgrammeCodeType>>("programmeCode").Resolve(ctx => ctx.Source.Programme);
        Field<NonNullGraphType<FundProgrammeType>>("programme")
            .ResolveAsync(async ctx => await ctx.Service<FundLookup>().Programme(ctx.Source.Year, ctx.Source.Programme));
        Field<NonNullGraphType<StringGraphType>>("municipalityCode").Resolve(ctx => ctx.Source.MunicipalityCode);
        Field<MunicipalityType>("municipality").Description("The municipality as registered now.")
            .ResolveAsync(async ctx => await ctx.Service<FundLookup>().Municipality(ctx.Source.MunicipalityCode));
        Field<NonNullGraphType<StringGraphType>>("municipalityName").Description("As when proposed, in the caller's Accept-Language.")
            .Resolve(ctx => ctx.Localized(ctx.Source.MunicipalityNameAr, ctx.Source.MunicipalityNameFr));
        Field<NonNullGraphType<GovernorateType>>("governorate").Resolve(ctx => Governorates.Find(ctx.Source.Governorate));
        Field<NonNullGraphType<MoneyType>>("amount").Resolve(ctx => new Money.Money(ctx.Source.AmountMillimes));
        Field<NonNullGraphType<MoneyType>>("disbursed").Resolve(ctx => new Money.Money(ctx.Source.DisbursedMillimes));
        Field<NonNullGraphType<MoneyType>>("undisbursed").Description("What can still be paid; zero once cancelled or closed.")
            .Resolve(ctx => new Money.Money(ctx.Source.UndisbursedMillimes));
        Field<NonNullGraphType<AllocationStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<StringGraphType>("reason").Description("Why it was proposed.").Resolve(ctx => ctx.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("proposedBy").Description("ROLE:subject.").Resolve(ctx => ctx.Source.ProposedBy);
        Field<NonNullGraphType<DateTimeScalar>>("proposedAt").Resolve(ctx => ctx.Source.ProposedAt);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(ctx => ctx.Source.UpdatedAt);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The fund's version at this allocation's last step.").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationStepType>>>>("history").Resolve(ctx => ctx.Source.Steps);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DisbursementType>>>>("disbursements").Resolve(ctx => ctx.Source.Disbursements);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationActionType>>>>("availableActions")
            .Description("Steps the status allows; approval also needs a fund manager other than the proposer.")
            .Resolve(ctx => AllocationTransitions.AvailableFrom(ctx.Source.Status));
    }
}
