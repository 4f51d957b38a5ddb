namespace Actors.Contracts.Retention;

/// <summary>The sweep's progress: the first day whose bucket may still hold requests.</summary>
[GenerateSerializer]
public sealed class RetentionState
{
    [Id(0)] public DateOnly? OpenFrom { get; set; }
    [Id(1)] public DateTimeOffset? LastSweepAt { get; set; }
}
