namespace Actors.Persistence.Outbox;

/// <summary>Pace of the outbox relay.</summary>
public sealed class OutboxRelayOptions
{
    /// <summary>How long an idle consumer waits before looking again; a full batch is followed at once by the next.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Outbox rows per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Upper bound of the back-off after consecutive failures of one consumer.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often <see cref="OutboxLagSampler"/> reads the consumers' lag for the metrics.</summary>
    public TimeSpan LagSampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
