using Actors.Contracts.Interop.Exchanges;

namespace Actors.SiloHosting.Embedded;

/// <summary>The exchange log of the embedded mode (see <see cref="InMemoryIndex{TEntry, TFilter, TOrder}"/>): append-only.</summary>
public sealed class InMemoryExchangeLog(TimeProvider clock)
    : InMemoryIndex<ExchangeLogEntry, ExchangeFilter, ExchangeOrder>(clock), IExchangeLog
{
    protected override bool AppendOnly => true;

    protected override ExchangeLogEntry Stored(ExchangeLogEntry entry) =>
        entry with { Exchange = entry.Exchange with { At = entry.Exchange.At.ToUniversalTime(), DataItems = [.. entry.Exchange.DataItems] } };

    protected override bool Matches(ExchangeFilter filter, ExchangeLogEntry entry)
    {
        var exchange = entry.Exchange;
        return (filter.ExchangeId is null || filter.ExchangeId == exchange.Id)
            && (filter.RequestId is null || filter.RequestId == exchange.RequestId)
            && (filter.Systems is not { Count: > 0 } || filter.Systems.Contains(exchange.System))
            && (filter.Governorates is not { Count: > 0 } || filter.Governorates.Contains(exchange.Governorate))
            && (filter.CenterIds is not { Count: > 0 } || filter.CenterIds.Contains(exchange.CenterId))
            && (filter.Outcomes is not { Count: > 0 } || filter.Outcomes.Contains(exchange.Outcome))
            && (filter.From is null || exchange.At >= filter.From)
            && (filter.To is null || exchange.At < filter.To);
    }
}
