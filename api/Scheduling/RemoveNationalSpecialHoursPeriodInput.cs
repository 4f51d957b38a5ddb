namespace Actors.Api.Scheduling;

public sealed class RemoveNationalSpecialHoursPeriodInput
{
    public string PeriodId { get; set; } = "";
}
