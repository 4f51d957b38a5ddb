using Actors.Contracts.Centers;

namespace Actors.Api.Centers;

public sealed class ChangeCenterServicesInput
{
    public string CenterId { get; set; } = "";

    public CenterKind Kind { get; set; }

    public List<CenterService> Services { get; set; } = [];

    public string? Reason { get; set; }
}
