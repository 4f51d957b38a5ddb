using Actors.Contracts.Centers;

namespace Actors.Api.Centers;

public sealed class ChangeCenterRolloutPhaseInput
{
    public string CenterId { get; set; } = "";

    public RolloutPhase Phase { get; set; }

    public string? Reason { get; set; }
}
