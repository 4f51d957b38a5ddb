namespace Actors.Contracts.Requests.Index;

/// <summary>How many durations were measured and their median and 90th percentile (nearest rank), in whole seconds.</summary>
public sealed record DurationSummary(long Count, long? P50Seconds, long? P90Seconds)
{
    public static DurationSummary Empty { get; } = new(0, null, null);
}
