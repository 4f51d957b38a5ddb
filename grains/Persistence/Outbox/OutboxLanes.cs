namespace Actors.Persistence.Outbox;

/// <summary>
/// The lanes of the built-in consumers (<see cref="IOutboxConsumer.Lane"/>). Consumers whose effects are only rows of
/// the round's own transaction share one lane; consumers that call grains share another, so that a grain call waiting
/// on a busy or dying silo never holds the read models' transaction open.
/// </summary>
public static class OutboxLanes
{
    /// <summary>Read models written in the relay's transaction: the request index, the allocation index, the exchange log.</summary>
    public const string Database = "database";

    /// <summary>Consumers that pass events to grains (pathway, clocks, seats, centers, campaigns, retention, amendments).</summary>
    public const string Grains = "grains";
}
