namespace Actors.Contracts.Documents;

/// <summary>Whether the one-time adoption of the holders stored under the unkeyed key has gone through the whole index (key 0).</summary>
public interface IHolderKeyBackfillGrain : IGrainWithIntegerKey
{
    Task<DateTimeOffset?> DoneAt();

    Task MarkDone(int holdersVisited);
}
