using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Outbox;
using Actors.Contracts.ReadModels;
using Actors.Persistence.Exchanges;
using Actors.Persistence.Outbox;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Tests.Exchanges;

/// <summary>
/// The exchange log fed the way a cluster feeds it: a pathway's state row carries ExchangeRecorded events in its
/// outbox, the relay hands them to <see cref="ExchangeLogConsumer"/>, the API reads <see cref="PostgresExchangeLog"/>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ExchangeLogConsumerTests(PostgresServer server) : IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_recorded_exchange_becomes_one_row_however_often_its_events_are_written_or_replayed()
    {
        var db = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        _dataSources.Add(db);
        var consumer = new ExchangeLogConsumer();
        var relay = new OutboxRelay(db, [consumer], [], Options.Create(new OutboxRelayOptions()), NullLogger<OutboxRelay>.Instance);
        var log = new PostgresExchangeLog(db);
        var requestId = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));
        var identity = Recorded(requestId, 1, OutsideSystem.CivilRegistry, at, ["nationalIdNumber", "givenName", "familyName", "birthDate"]);
        var enrolment = Recorded(requestId, 2, OutsideSystem.Education, at.AddSeconds(3), ["schoolCode", "nationalIdNumber"]);
        var aggregateId = requestId.ToString("D");

        // A retried write of the same state copies its events again; the next transition carries the next exchange.
        await OutboxStateWriter.WriteAsync(db, aggregateId, Event(aggregateId, identity));
        await OutboxStateWriter.WriteAsync(db, aggregateId, Event(aggregateId, identity));
        await OutboxStateWriter.WriteAsync(db, aggregateId, Event(aggregateId, enrolment), OutboxStateWriter.Event(aggregateId, 2, "PathwayAdvanced"));
        await DrainAsync(relay, consumer);
        var applied = await log.QueryAsync(new KeysetQuery<ExchangeFilter, ExchangeOrder>(new ExchangeFilter(RequestId: requestId), ExchangeOrder.Default, First: 10), Cancel);
        await using (var reset = db.CreateCommand($"UPDATE outbox_checkpoint SET last_tx = '0', last_seq = 0 WHERE consumer = '{consumer.Name}'"))
        {
            await reset.ExecuteNonQueryAsync(Cancel);
        }

        await DrainAsync(relay, consumer);
        var replayed = await log.QueryAsync(new KeysetQuery<ExchangeFilter, ExchangeOrder>(new ExchangeFilter(), ExchangeOrder.Default, First: 10), Cancel);

        Assert.Equal([enrolment.Exchange.Id, identity.Exchange.Id], applied.Items.Select(e => e.Id));
        Assert.Equal(2, replayed.TotalCount);
        Assert.Equal(applied.Items.Select(e => e.Id), replayed.Items.Select(e => e.Id));
        var row = replayed.Items[1];
        Assert.Equal(1, row.Version);
        Assert.Equal(identity.Exchange.DataItems, row.Exchange.DataItems);
        Assert.Equal(identity.Exchange with { DataItems = row.Exchange.DataItems }, row.Exchange);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }

    private static ExchangeRecorded Recorded(Guid requestId, long version, OutsideSystem system, DateTimeOffset at, IReadOnlyList<string> dataItems) =>
        new("SYSTEM:pathway", version, at, new ExchangeRecord(
            Guid.NewGuid(), requestId, "CIN-2026-TESTS-00001", "TN11-GU1", "TUNIS", system, $"{system} check", dataItems,
            "CONFIRMED", 240, 1, "SYSTEM:pathway", at));

    private static OutboxEvent Event(string aggregateId, ExchangeRecorded recorded) =>
        OutboxEvent.Of(AggregateTypes.RequestPathway, aggregateId, recorded);

    private static async Task DrainAsync(OutboxRelay relay, IOutboxConsumer consumer)
    {
        while (await relay.ProcessBatchAsync(consumer, Cancel) > 0)
        {
        }
    }
}
