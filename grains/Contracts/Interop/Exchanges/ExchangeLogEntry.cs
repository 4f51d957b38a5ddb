using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Interop.Exchanges;

/// <summary>
/// A row of the exchange log: the exchange as it was recorded, and the version of the request's pathway that
/// recorded it. An exchange never changes once made, so the first row written for an exchange id is the one kept.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ExchangeLogEntry(
    [property: Id(0)] ExchangeRecord Exchange,
    [property: Id(1)] long Version) : IIndexEntry
{
    /// <summary>The exchange's id.</summary>
    public Guid Id => Exchange.Id;

    public static ExchangeLogEntry From(ExchangeRecorded recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new ExchangeLogEntry(recorded.Exchange, recorded.Version);
    }
}
