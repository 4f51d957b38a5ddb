namespace Actors.Api.Scheduling;

public sealed class SetCenterOpeningHoursInput
{
    public string CenterId { get; set; } = "";

    public List<DayHoursInput> Hours { get; set; } = [];
}
