namespace Actors.Api.Centers;

public sealed class UpdateCenterReadinessInput
{
    public string CenterId { get; set; } = "";

    public bool Networked { get; set; }

    public int AgentsTrained { get; set; }

    public int AgentsRequired { get; set; }

    public int WorkstationsInstalled { get; set; }

    public int WorkstationsRequired { get; set; }

    public int HostingCapacity { get; set; }
}
