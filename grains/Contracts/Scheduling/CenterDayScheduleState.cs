namespace Actors.Contracts.Scheduling;

/// <summary>The persisted seats of one center, desk category and day (JSON; members are only ever added).</summary>
[GenerateSerializer]
public sealed class CenterDayScheduleState
{
    [Id(0)] public List<DaySeat> Seats { get; set; } = [];
    [Id(1)] public long Version { get; set; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }
}
