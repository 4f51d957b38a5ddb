using Actors.Contracts.Interop.Exchanges;
using Actors.Persistence.ReadModels;
using Npgsql;

namespace Actors.Persistence.Exchanges;

/// <summary>
/// The exchange log in PostgreSQL (<see cref="ExchangeLogTable"/>), fed by <see cref="ExchangeLogConsumer"/> from the
/// outbox; a <see cref="PostgresKeysetIndex{TEntry, TFilter, TOrder, TTable}"/>.
/// </summary>
public sealed class PostgresExchangeLog(NpgsqlDataSource dataSource, ReadQueryGate? gate = null)
    : PostgresKeysetIndex<ExchangeLogEntry, ExchangeFilter, ExchangeOrder, ExchangeLogTable>(dataSource, gate), IExchangeLog;
