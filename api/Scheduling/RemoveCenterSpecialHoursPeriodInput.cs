namespace Actors.Api.Scheduling;

public sealed class RemoveCenterSpecialHoursPeriodInput
{
    public string CenterId { get; set; } = "";

    public string PeriodId { get; set; } = "";
}
