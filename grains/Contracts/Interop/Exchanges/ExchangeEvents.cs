using Actors.Contracts.Outbox;

namespace Actors.Contracts.Interop.Exchanges;

/// <summary>Reading exchange events out of the outbox, for the exchange log's consumers.</summary>
public static class ExchangeEvents
{
    /// <summary>The outbox types the exchange log reads.</summary>
    public static IReadOnlySet<string> LoggedTypes { get; } = new HashSet<string>([nameof(ExchangeRecorded)], StringComparer.Ordinal);

    /// <summary>The log rows the events leave behind; events of other types are skipped.</summary>
    public static IReadOnlyList<ExchangeLogEntry> LogEntries(IEnumerable<OutboxEvent> events) =>
        events.Where(e => LoggedTypes.Contains(e.Type))
            .Select(e => ExchangeLogEntry.From(e.PayloadAs<ExchangeRecorded>()))
            .ToList();
}
