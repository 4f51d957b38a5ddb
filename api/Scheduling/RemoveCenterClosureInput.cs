namespace Actors.Api.Scheduling;

public sealed class RemoveCenterClosureInput
{
    public string CenterId { get; set; } = "";

    public string ClosureId { get; set; } = "";
}
