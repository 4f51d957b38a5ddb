namespace Actors.Api.Scheduling;

public sealed class AddCenterClosureInput
{
    public string CenterId { get; set; } = "";

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public string Reason { get; set; } = "";
}
