namespace Actors.Api.Scheduling;

public sealed class AddPublicHolidayInput
{
    public DateOnly Date { get; set; }

    public string NameAr { get; set; } = "";

    public string NameFr { get; set; } = "";
}
