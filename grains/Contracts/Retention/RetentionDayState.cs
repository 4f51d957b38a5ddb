namespace Actors.Contracts.Retention;

/// <summary>A day's bucket: the requests still to purge, and whether the sweep has closed the day.</summary>
[GenerateSerializer]
public sealed class RetentionDayState
{
    [Id(0)] public List<Guid> Pending { get; set; } = [];
    [Id(1)] public bool Closed { get; set; }

    /// <summary>Requests this bucket purged, for the record (each once).</summary>
    [Id(2)] public int Purged { get; set; }
}
