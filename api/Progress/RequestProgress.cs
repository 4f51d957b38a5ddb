namespace Actors.Api.Progress;

/// <param name="Figures">Read only when a figure is asked for: it costs a second pass over the requests.</param>
/// <param name="ProjectionLagSeconds">How far the read model is behind the events (see <see cref="ProgressReport"/>).</param>
public sealed record RequestProgress(
    IReadOnlyList<ProgressGroup> Groups,
    long? Total,
    DateTimeOffset AsOf,
    int SuppressionThreshold,
    double ProjectionLagSeconds,
    Lazy<Task<ProgressFigures>> Figures);
