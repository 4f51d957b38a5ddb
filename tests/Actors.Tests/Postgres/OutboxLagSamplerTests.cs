using Actors.Persistence.Outbox;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Tests.Postgres;

/// <summary>
/// <see cref="OutboxLagSampler"/> on a real database with a long outbox: each consumer's pending count is exact (and
/// capped), and a sample walks the commit-order index instead of scanning the whole table, whose size the outbox's
/// thirty days of retention make large (a scan per sample, every 15 s on every silo).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxLagSamplerTests(PostgresServer server)
{
    private const int Events = 20_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sample_counts_each_consumers_pending_events_without_scanning_the_outbox()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await OutboxScans.FillAsync(db, Events, Cancel);
        await OutboxCheckpoints.AtVersionAsync(db, "caught-up", version: Events);
        await OutboxCheckpoints.AtVersionAsync(db, "behind", version: Events - 1_000);
        await ExecuteAsync(db, "INSERT INTO outbox_checkpoint (consumer) VALUES ('new')");
        await OutboxScans.ReadByIndexOnlyAsync(db, connectionString, "the sampler's server process", async sampling =>
        {
            var readings = await new OutboxLagSampler(sampling, Options.Create(new OutboxRelayOptions()), NullLogger<OutboxLagSampler>.Instance)
                .SampleAsync(Cancel);

            Assert.Equal(
                [("behind", 1_000L), ("caught-up", 0L), ("new", (long)Events)],
                readings.Select(r => (r.Consumer, r.Pending)));
            Assert.Equal(0, readings.Single(r => r.Consumer == "caught-up").OldestPendingAgeSeconds);
        }, Cancel);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
