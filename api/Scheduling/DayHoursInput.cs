namespace Actors.Api.Scheduling;

public sealed class DayHoursInput
{
    public DayOfWeek Day { get; set; }

    public List<OpeningHoursInput> Sessions { get; set; } = [];
}
