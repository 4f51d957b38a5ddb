namespace Actors.Api.Progress;

public sealed class RolloutWhere
{
    public string? Governorate { get; set; }
}
