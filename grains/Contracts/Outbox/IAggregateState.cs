namespace Actors.Contracts.Outbox;

/// <summary>What the step pipeline needs of a grain's stored state: its version and the events of its latest step.</summary>
public interface IAggregateState
{
    long Version { get; set; }

    /// <summary>The events of the latest step only, written in the same document as the state (the outbox trigger copies them).</summary>
    List<OutboxEvent> Outbox { get; set; }
}
