using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Interop.Exchanges;

/// <summary>
/// The read model behind <c>exchanges(...)</c> and <c>CitizenRequest.exchanges</c>, fed by the pathway grains'
/// ExchangeRecorded outbox events: a keyset index of every exchange with an outside system, in memory in embedded
/// mode, a PostgreSQL table in cluster mode. Append-only: an exchange applied again, whatever its version, counts once.
/// </summary>
#pragma warning disable CA1040 // The named index of exchanges: what hosts register and the API asks for.
public interface IExchangeLog : IKeysetIndex<ExchangeLogEntry, ExchangeFilter, ExchangeOrder>;
#pragma warning restore CA1040
