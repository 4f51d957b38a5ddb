using Actors.Contracts.Centers;
using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class CenterReadinessType : ObjectGraphType<CenterReadiness>
{
    public CenterReadinessType()
    {
        Name = "CenterReadiness";
        Description = "The rollout tracks: networking, trained agents, equipment, hosting capacity.";
        Field<NonNullGraphType<BooleanGraphType>>("networked").Resolve(ctx => ctx.Source.Networked);
        Field<NonNullGraphType<IntGraphType>>("agentsTrained").Resolve(ctx => ctx.Source.AgentsTrained);
        Field<NonNullGraphType<IntGraphType>>("agentsRequired").Resolve(ctx => ctx.Source.AgentsRequired);
        Field<NonNullGraphType<IntGraphType>>("workstationsInstalled").Resolve(ctx => ctx.Source.WorkstationsInstalled);
        Field<NonNullGraphType<IntGraphType>>("workstationsRequired").Resolve(ctx => ctx.Source.WorkstationsRequired);
        Field<NonNullGraphType<IntGraphType>>("hostingCapacity").Description("Seats for waiting citizens.").Resolve(ctx => ctx.Source.HostingCapacity);
        Field<NonNullGraphType<DecimalGraphType>>("score").Description("Share of the four tracks done, 0 to 1.").Resolve(ctx => ctx.Source.Score);
        Field<NonNullGraphType<BooleanGraphType>>("readyForLive").Resolve(ctx => ctx.Source.IsReadyForLive);
    }
}
