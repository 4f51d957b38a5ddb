using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Interop.Exchanges;

[GenerateSerializer, Immutable]
public sealed record ExchangeOrder(ExchangeSortField Field, bool Descending)
    : KeysetOrder<ExchangeSortField, ExchangeLogEntry>(Field, Descending)
{
    /// <summary>Newest exchanges first.</summary>
    public static ExchangeOrder Default { get; } = new(ExchangeSortField.At, Descending: true);

    protected override SortField<ExchangeLogEntry> Sort(ExchangeSortField field) => field switch
    {
        ExchangeSortField.At => SortField<ExchangeLogEntry>.Instant(e => e.Exchange.At),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown sort field."),
    };
}
