namespace Actors.Contracts.Documents;

[GenerateSerializer]
public sealed class HolderKeyBackfillState
{
    [Id(0)] public DateTimeOffset? DoneAt { get; set; }

    /// <summary>How many issued requests' holders the backfill visited (for the operator reading the state).</summary>
    [Id(1)] public int HoldersVisited { get; set; }
}
