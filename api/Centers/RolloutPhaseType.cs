using Actors.Contracts.Centers;
using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class RolloutPhaseType : EnumerationGraphType<RolloutPhase>
{
    public RolloutPhaseType()
    {
        Name = "RolloutPhase";
        Description = "Phased generalisation. Centers in PILOT or LIVE take requests and bookings.";
    }
}
