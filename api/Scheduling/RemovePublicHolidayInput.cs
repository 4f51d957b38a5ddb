namespace Actors.Api.Scheduling;

public sealed class RemovePublicHolidayInput
{
    public DateOnly Date { get; set; }
}
