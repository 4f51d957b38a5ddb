namespace Actors.Api.Scheduling;

public sealed class OpeningHoursInput
{
    public string Opens { get; set; } = "";

    public string Closes { get; set; } = "";
}
