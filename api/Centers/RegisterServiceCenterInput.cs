using Actors.Contracts.Centers;

namespace Actors.Api.Centers;

public sealed class RegisterServiceCenterInput
{
    public string Code { get; set; } = "";

    public string NameAr { get; set; } = "";

    public string NameFr { get; set; } = "";

    public string Governorate { get; set; } = "";

    public string District { get; set; } = "";

    public CenterKind Kind { get; set; }

    public List<CenterService> Services { get; set; } = [];

    public int DailyCapacity { get; set; }
}
