namespace Actors.Api.Progress;

/// <summary>Median and 90th percentile of durations in hours, and how many were measured; all null when suppressed.</summary>
public sealed record DurationPercentiles(double? P50Hours, double? P90Hours, long? Count, bool Suppressed);
