namespace Actors.Contracts.Outbox;

/// <summary>What the step pipeline needs of a grain's stored state: its version and the events of its latest step.</summary>
public interface IAggregateState
{
    long Version { get; set; }

    /// <summary>
    /// The events of the latest step only, committed with the state: as outbox rows of the state's own statement by
    /// PostgresGrainStorage, inside the state's document by Orleans' ADO.NET provider (the outbox trigger copies them).
    /// </summary>
    List<OutboxEvent> Outbox { get; set; }
}
