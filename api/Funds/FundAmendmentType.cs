using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Money;
using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class FundAmendmentType : ObjectGraphType<FundAmendment>
{
    public const string TypeName = "FundAmendment";

    public FundAmendmentType()
    {
        Name = TypeName;
        Description = "An audited change of appropriations between programmes or with the unprogrammed remainder; the fund's total appropriation never changes.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is FundAmendment;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => FundIds.Encode(TypeName, ctx.Source.Year, ctx.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(ctx => ctx.Source.Year);
        Field<FundProgrammeCodeType>("fromProgramme").Description("Null: from the unprogrammed remainder.").Resolve(ctx => ctx.Source.From);
        Field<FundProgrammeCodeType>("toProgramme").Description("Null: back to the unprogrammed remainder.").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<MoneyType>>("amount").Resolve(ctx => new Money.Money(ctx.Source.AmountMillimes));
        Field<NonNullGraphType<AmendmentStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(ctx => ctx.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("proposedBy").Resolve(ctx => ctx.Source.ProposedBy);
        Field<NonNullGraphType<DateTimeScalar>>("proposedAt").Resolve(ctx => ctx.Source.ProposedAt);
        Field<StringGraphType>("decidedBy").Resolve(ctx => ctx.Source.DecidedBy);
        Field<DateTimeScalar>("decidedAt").Resolve(ctx => ctx.Source.DecidedAt);
        Field<StringGraphType>("decisionReason").Resolve(ctx => ctx.Source.DecisionReason);
        Field<NonNullGraphType<LongGraphType>>("version").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AmendmentActionType>>>>("availableActions")
            .Description("Decisions the status allows; approval also needs a fund manager other than the proposer.")
            .Resolve(ctx => AmendmentTransitions.AvailableFrom(ctx.Source.Status));
    }
}
