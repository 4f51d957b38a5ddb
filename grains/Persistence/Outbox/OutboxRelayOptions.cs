namespace Actors.Persistence.Outbox;

/// <summary>Pace of the outbox relay.</summary>
public sealed class OutboxRelayOptions
{
    /// <summary>How long an idle consumer waits before looking again; a full batch is followed at once by the next.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// After a round, how long the relay waits at least before the next one when a commit of this process has woken it
    /// (<see cref="OutboxRelay.Wake"/>): under load the commits of that time share one round; when the cluster is quiet a
    /// change reaches the read models within this spacing of the previous round instead of at the next
    /// <see cref="PollInterval"/>.
    /// </summary>
    public TimeSpan WakeSpacing { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Outbox rows per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Upper bound of the back-off after consecutive failures of one consumer.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often <see cref="OutboxLagSampler"/> reads the consumers' lag for the metrics.</summary>
    public TimeSpan LagSampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
