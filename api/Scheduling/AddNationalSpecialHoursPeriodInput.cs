namespace Actors.Api.Scheduling;

public sealed class AddNationalSpecialHoursPeriodInput
{
    public string Name { get; set; } = "";

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public List<DayHoursInput> Hours { get; set; } = [];
}
