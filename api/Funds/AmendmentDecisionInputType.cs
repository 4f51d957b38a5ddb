using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Funds;

/// <summary>ApproveAmendmentInput / RejectAmendmentInput (a rejection must say why).</summary>
[DoNotRegister]
public sealed class AmendmentDecisionInputType : InputObjectGraphType<AmendmentDecisionInput>
{
    public AmendmentDecisionInputType(string name, bool reasonRequired)
    {
        Name = name;
        Field<NonNullGraphType<IdGraphType>>("amendmentId");
        if (reasonRequired)
        {
            Field<NonNullGraphType<StringGraphType>>("reason").Description("Why; required, at most 500 characters.");
        }
        else
        {
            Field<StringGraphType>("reason").Description("Optional note, at most 500 characters.");
        }
    }
}
