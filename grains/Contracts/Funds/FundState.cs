using Actors.Contracts.Idempotency;
using Actors.Contracts.Outbox;

namespace Actors.Contracts.Funds;

/// <summary>
/// The persisted state of one fund year: its programme lines, every allocation and amendment, and
/// the idempotency keys used on it. Totals are never stored: they are summed from the allocations,
/// so they cannot drift. Stored as JSON: members are only ever added. Outbox holds the events of
/// the latest step only, committed with the state.
/// </summary>
[GenerateSerializer]
public sealed class FundState : IAggregateState
{
    public const int CurrentSchemaVersion = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    [Id(1)] public int Year { get; set; }
    [Id(2)] public bool IsOpen { get; set; }
    [Id(3)] public long AppropriationMillimes { get; set; }
    [Id(4)] public long UnprogrammedMillimes { get; set; }
    [Id(5)] public List<FundProgrammeLine> Programmes { get; set; } = [];
    [Id(6)] public List<Allocation> Allocations { get; set; } = [];
    [Id(7)] public List<FundAmendment> Amendments { get; set; } = [];
    [Id(8)] public Dictionary<string, IdempotencyRecord> IdempotencyKeys { get; set; } = [];
    [Id(9)] public string Source { get; set; } = "";
    [Id(10)] public string OpenedBy { get; set; } = "";
    [Id(11)] public DateTimeOffset OpenedAt { get; set; }
    [Id(12)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(13)] public long Version { get; set; }
    [Id(14)] public List<OutboxEvent> Outbox { get; set; } = [];
}
