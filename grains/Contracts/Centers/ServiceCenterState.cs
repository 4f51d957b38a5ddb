using Actors.Contracts.Outbox;

namespace Actors.Contracts.Centers;

/// <summary>The persisted state of one center (JSON; members are only ever added).</summary>
[GenerateSerializer]
public sealed class ServiceCenterState : IAggregateState
{
    public const int CurrentSchemaVersion = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    [Id(1)] public ServiceCenterProfile? Profile { get; set; }
    [Id(2)] public RolloutPhase Phase { get; set; }
    [Id(3)] public CenterReadiness? Readiness { get; set; }
    [Id(4)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(6)] public long Version { get; set; }
    [Id(7)] public List<CenterHistoryEntry> History { get; set; } = [];
    [Id(8)] public List<OutboxEvent> Outbox { get; set; } = [];

    /// <summary>Null until an operator publishes one: the standard week then applies (<see cref="CenterCalendars.DefaultFor"/>).</summary>
    [Id(9)] public Scheduling.CenterCalendar? Calendar { get; set; }
}
