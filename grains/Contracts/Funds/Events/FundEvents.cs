using System.Text.Json;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Outbox;

namespace Actors.Contracts.Funds.Events;

/// <summary>
/// Reading fund events out of the outbox, for their consumers. The previous release wrote
/// AllocationChanged (an index entry) and FundAmendmentChanged (the amendment); those may still sit in
/// an outbox during a rolling upgrade, so they are read too.
/// </summary>
public static class FundEvents
{
    private static readonly Dictionary<string, Type> AllocationTypes = new[]
    {
        typeof(AllocationProposed), typeof(AllocationApproved), typeof(AllocationCommitted),
        typeof(AllocationDisbursed), typeof(AllocationClosed), typeof(AllocationCancelled),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, Type> AmendmentTypes = new[]
    {
        typeof(AmendmentProposed), typeof(AmendmentApproved), typeof(AmendmentRejected),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every outbox type that changes an allocation, the previous release's included.</summary>
    public static IReadOnlySet<string> AllocationEventTypes { get; } =
        new HashSet<string>(AllocationTypes.Keys.Append(OutboxEventTypes.AllocationChanged), StringComparer.Ordinal);

    /// <summary>Every outbox type that changes an amendment, the previous release's included.</summary>
    public static IReadOnlySet<string> AmendmentEventTypes { get; } =
        new HashSet<string>(AmendmentTypes.Keys.Append(OutboxEventTypes.FundAmendmentChanged), StringComparer.Ordinal);

    /// <summary>The allocation index row an event leaves behind, or null for an event that is not about an allocation.</summary>
    public static AllocationIndexEntry? IndexEntryOf(OutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        if (outboxEvent.Type == OutboxEventTypes.AllocationChanged)
        {
            return outboxEvent.PayloadAs<AllocationIndexEntry>();
        }

        return AllocationTypes.TryGetValue(outboxEvent.Type, out var type)
            ? AllocationIndexEntry.From(Read<IAllocationEvent>(outboxEvent, type).Allocation)
            : null;
    }

    /// <summary>The amendment as it was after the event, or null for an event that is not about an amendment.</summary>
    public static FundAmendment? AmendmentOf(OutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        if (outboxEvent.Type == OutboxEventTypes.FundAmendmentChanged)
        {
            return outboxEvent.PayloadAs<FundAmendment>();
        }

        return AmendmentTypes.TryGetValue(outboxEvent.Type, out var type) ? Read<IAmendmentEvent>(outboxEvent, type).Amendment : null;
    }

    public static IReadOnlyList<AllocationIndexEntry> IndexEntries(IEnumerable<OutboxEvent> events) =>
        events.Select(IndexEntryOf).OfType<AllocationIndexEntry>().ToList();

    public static IReadOnlyList<FundAmendment> Amendments(IEnumerable<OutboxEvent> events) =>
        events.Select(AmendmentOf).OfType<FundAmendment>().ToList();

    private static T Read<T>(OutboxEvent outboxEvent, Type type) =>
        (T)(JsonSerializer.Deserialize(outboxEvent.Payload, type, OutboxJson.Options) ?? throw new JsonException($"Empty {outboxEvent.Type} payload."));
}
