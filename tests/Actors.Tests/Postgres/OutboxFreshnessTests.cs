using Actors.Persistence.Outbox;
using Actors.Tests.Infrastructure;
using Npgsql;

namespace Actors.Tests.Postgres;

/// <summary>
/// <see cref="OutboxFreshness"/>, the <c>asOf</c> of every page of a list fed by the outbox, on a long outbox: the time
/// of a lagging consumer's last checkpoint, the epoch before its first, now once it has caught up, and never a scan of
/// the whole table to find that out.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxFreshnessTests(PostgresServer server)
{
    private const int Events = 20_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_list_is_dated_by_its_consumer_without_scanning_the_outbox()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        // An empty outbox: a consumer that never ran is up to date.
        Assert.True(DateTimeOffset.UtcNow - await AsOfAsync(db, "never-ran") < TimeSpan.FromMinutes(1));

        await OutboxScans.FillAsync(db, Events, Cancel);
        await OutboxCheckpoints.AtVersionAsync(db, "caught-up", version: Events);
        await OutboxCheckpoints.AtVersionAsync(db, "behind", version: Events - 1_000);
        await using (var dated = db.CreateCommand("UPDATE outbox_checkpoint SET updated_at = '2026-03-01T09:00:00Z' WHERE consumer = 'behind'"))
        {
            await dated.ExecuteNonQueryAsync(Cancel);
        }

        await OutboxScans.ReadByIndexOnlyAsync(db, connectionString, "the reading server process", async reading =>
        {
            Assert.True(DateTimeOffset.UtcNow - await AsOfAsync(reading, "caught-up") < TimeSpan.FromMinutes(1));
            Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), await AsOfAsync(reading, "behind"));
            Assert.Equal(DateTimeOffset.UnixEpoch, await AsOfAsync(reading, "never-ran"));
        }, Cancel);
    }

    private static async Task<DateTimeOffset> AsOfAsync(NpgsqlDataSource db, string consumer)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(OutboxFreshness.BatchCommand(consumer));
        await using var reader = await batch.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel));
        return reader.GetFieldValue<DateTimeOffset>(0);
    }
}
