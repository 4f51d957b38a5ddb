namespace Actors.Contracts.Scheduling;

/// <summary>The persisted national calendar (JSON; members are only ever added).</summary>
[GenerateSerializer]
public sealed class NationalCalendarState
{
    [Id(0)] public List<PublicHoliday> Holidays { get; set; } = [];
    [Id(1)] public long Version { get; set; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }
}
