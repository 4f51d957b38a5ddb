using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class ChangeCenterRolloutPhaseInputType : InputObjectGraphType<ChangeCenterRolloutPhaseInput>
{
    public ChangeCenterRolloutPhaseInputType()
    {
        Name = "ChangeCenterRolloutPhaseInput";
        Field<NonNullGraphType<IdGraphType>>("centerId");
        Field<NonNullGraphType<RolloutPhaseType>>("phase").Description("PILOT, LIVE (needs full readiness) or SUSPENDED (needs a reason).");
        Field<StringGraphType>("reason");
    }
}
