using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class ProposeAmendmentInputType : InputObjectGraphType<ProposeAmendmentInput>
{
    public ProposeAmendmentInputType()
    {
        Name = "ProposeAmendmentInput";
        Description = "Proposes moving an amount between programme lines, or between a line and the unprogrammed remainder (leave fromProgramme or toProgramme null). "
                      + "Another fund manager approves it. " + FundAmounts.Documentation;
        Field<NonNullGraphType<IntGraphType>>("year");
        Field<FundProgrammeCodeType>("fromProgramme").Description("Null: take from the unprogrammed remainder.");
        Field<FundProgrammeCodeType>("toProgramme").Description("Null: give back to the unprogrammed remainder.");
        Field<LongGraphType>("amountMillimes");
        Field<StringGraphType>("amountDinars");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why; at most 500 characters.");
        Field<StringGraphType>("idempotencyKey");
    }
}
