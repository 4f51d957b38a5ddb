namespace Actors.Contracts.Centers;

/// <summary>The four tracks of the rollout: networking, trained agents, equipment, hosting capacity.</summary>
[GenerateSerializer, Immutable]
public sealed record CenterReadiness(
    [property: Id(0)] bool Networked,
    [property: Id(1)] int AgentsTrained,
    [property: Id(2)] int AgentsRequired,
    [property: Id(3)] int WorkstationsInstalled,
    [property: Id(4)] int WorkstationsRequired,
    [property: Id(5)] int HostingCapacity)
{
    public static CenterReadiness None(int agentsRequired, int workstationsRequired) =>
        new(false, 0, agentsRequired, 0, workstationsRequired, 0);

    /// <summary>Ready to go live: networked, every required agent trained and workstation installed, somewhere to wait.</summary>
    public bool IsReadyForLive =>
        Networked && AgentsTrained >= AgentsRequired && WorkstationsInstalled >= WorkstationsRequired && HostingCapacity > 0;

    /// <summary>Share of the four tracks done, 0..1, each track weighted equally.</summary>
    public decimal Score
    {
        get
        {
            decimal Ratio(int done, int needed) => needed <= 0 ? 1m : Math.Min(1m, (decimal)done / needed);
            var tracks = (Networked ? 1m : 0m) + Ratio(AgentsTrained, AgentsRequired)
                         + Ratio(WorkstationsInstalled, WorkstationsRequired) + (HostingCapacity > 0 ? 1m : 0m);
            return Math.Round(tracks / 4m, 4);
        }
    }
}
