using Actors.Contracts.Centers;

namespace Actors.Api.Centers;

public sealed class CenterWhere
{
    public List<string>? Governorates { get; set; }

    public List<CenterKind>? Kinds { get; set; }

    public List<RolloutPhase>? Phases { get; set; }

    public List<CenterService>? Services { get; set; }

    public bool? TakesRequests { get; set; }

    public string? Search { get; set; }
}
