namespace Actors.Persistence.Outbox;

/// <summary>
/// One consumer of a shared round (<see cref="OutboxRelay.ProcessRoundAsync"/>) failed: the whole round was rolled back,
/// and the relay retries that consumer on its own, with back-off, while the others of its lane go on without it.
/// </summary>
public sealed class OutboxConsumerException(string consumer, Exception inner)
    : Exception($"Outbox consumer {consumer} failed; its round was rolled back.", inner)
{
    public string Consumer { get; } = consumer;
}
