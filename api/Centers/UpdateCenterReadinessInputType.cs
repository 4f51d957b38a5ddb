using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class UpdateCenterReadinessInputType : InputObjectGraphType<UpdateCenterReadinessInput>
{
    public UpdateCenterReadinessInputType()
    {
        Name = "UpdateCenterReadinessInput";
        Field<NonNullGraphType<IdGraphType>>("centerId");
        Field<NonNullGraphType<BooleanGraphType>>("networked");
        Field<NonNullGraphType<IntGraphType>>("agentsTrained");
        Field<NonNullGraphType<IntGraphType>>("agentsRequired");
        Field<NonNullGraphType<IntGraphType>>("workstationsInstalled");
        Field<NonNullGraphType<IntGraphType>>("workstationsRequired");
        Field<NonNullGraphType<IntGraphType>>("hostingCapacity");
    }
}
