namespace Actors.Api.Requests;

public sealed class MoveRequestToCenterInput
{
    public string RequestId { get; set; } = "";

    public string CenterId { get; set; } = "";
}
