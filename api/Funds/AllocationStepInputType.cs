using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Funds;

/// <summary>{Step}AllocationInput: the allocation's id and a reason (non-null where the step requires one).</summary>
[DoNotRegister]
public sealed class AllocationStepInputType : InputObjectGraphType<AllocationStepInput>
{
    public AllocationStepInputType(string name, bool reasonRequired)
    {
        Name = name;
        Field<NonNullGraphType<IdGraphType>>("allocationId");
        if (reasonRequired)
        {
            Field<NonNullGraphType<StringGraphType>>("reason").Description("Why; required for this step, at most 500 characters.");
        }
        else
        {
            Field<StringGraphType>("reason").Description("Optional note, at most 500 characters.");
        }
    }
}
