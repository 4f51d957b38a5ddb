namespace Actors.Persistence.Outbox;

/// <summary>
/// What one shared round of a lane did (<see cref="OutboxRelay.ProcessRoundAsync"/>): how many outbox rows it read, and
/// which of its consumers it found more than a batch behind the others (they go on alone until they catch up).
/// </summary>
public sealed record OutboxRound(int Rows, IReadOnlyList<string> Behind)
{
    /// <summary>Nothing was ready, or other relays hold every checkpoint of the lane.</summary>
    public static readonly OutboxRound Idle = new(0, []);
}
