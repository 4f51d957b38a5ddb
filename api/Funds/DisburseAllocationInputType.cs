using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class DisburseAllocationInputType : InputObjectGraphType<DisburseAllocationInput>
{
    public DisburseAllocationInputType()
    {
        Name = "DisburseAllocationInput";
        Description = "Pays one tranche of a COMMITTED or PARTIALLY_DISBURSED allocation, never beyond its amount. " + FundAmounts.Documentation;
        Field<NonNullGraphType<IdGraphType>>("allocationId");
        Field<LongGraphType>("amountMillimes");
        Field<StringGraphType>("amountDinars");
        Field<StringGraphType>("reason").Description("E.g. the payment order's reference; at most 500 characters.");
        Field<StringGraphType>("idempotencyKey").Description("Retry-safe: the same caller with the same key pays the tranche once.");
    }
}
