namespace Actors.Grains.Pathway;

/// <summary>What the pathway does after one look at its request.</summary>
public readonly record struct PathwayStep(PathwayStepKind Kind, DateTimeOffset? Until = null)
{
    public static PathwayStep Again { get; } = new(PathwayStepKind.Again);

    public static PathwayStep Idle { get; } = new(PathwayStepKind.Idle);

    public static PathwayStep WaitUntil(DateTimeOffset until) => new(PathwayStepKind.Wait, until);
}
