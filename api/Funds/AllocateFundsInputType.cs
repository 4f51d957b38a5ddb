using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class AllocateFundsInputType : InputObjectGraphType<AllocateFundsInput>
{
    public AllocateFundsInputType()
    {
        Name = "AllocateFundsInput";
        Description = "Proposes an allocation; it reserves its amount on the programme at once. " + FundAmounts.Documentation;
        Field<NonNullGraphType<IntGraphType>>("year");
        Field<NonNullGraphType<FundProgrammeCodeType>>("programme");
        Field<NonNullGraphType<StringGraphType>>("municipalityCode");
        Field<LongGraphType>("amountMillimes").Description("Integer millimes (1 dinar = 1000 millimes).");
        Field<StringGraphType>("amountDinars").Description("Exact decimal dinars, at most 3 decimals, e.g. \"1250.500\".");
        Field<StringGraphType>("reason").Description("Why; at most 500 characters.");
        Field<StringGraphType>("idempotencyKey").Description("Retry-safe: the same caller with the same key gets the same allocation; another input under the key is IDEMPOTENCY_KEY_REUSED.");
    }
}
