using Actors.Contracts.Outbox;

namespace Actors.Contracts.Scheduling;

/// <summary>The persisted national calendar (JSON; members are only ever added).</summary>
[GenerateSerializer]
public sealed class NationalCalendarState : IAggregateState
{
    [Id(0)] public List<PublicHoliday> Holidays { get; set; } = [];
    [Id(1)] public long Version { get; set; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(3)] public List<SpecialHoursPeriod> SpecialPeriods { get; set; } = [];
    [Id(4)] public List<OutboxEvent> Outbox { get; set; } = [];
}
