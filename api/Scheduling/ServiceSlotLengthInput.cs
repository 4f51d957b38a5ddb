using Actors.Contracts.Centers;

namespace Actors.Api.Scheduling;

public sealed class ServiceSlotLengthInput
{
    public CenterService Service { get; set; }

    public int Minutes { get; set; }
}
