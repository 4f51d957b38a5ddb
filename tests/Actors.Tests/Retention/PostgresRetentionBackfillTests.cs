using Actors.Contracts.Requests;
using Actors.Contracts.Retention;
using Actors.Tests.Postgres;
using Npgsql;

namespace Actors.Tests.Retention;

/// <summary>
/// The one-time backfill on PostgreSQL: a request that became final while the retention consumer did not see its
/// events (as before the retention existed) is in no bucket, so the sweep never purges it; the backfill, reading the
/// request index, puts it in its bucket, the sweep then purges it, and running the backfill again changes nothing.
/// </summary>
[Collection(PostgresRetentionCollection.Name)]
public sealed class PostgresRetentionBackfillTests(PostgresRetentionFixture cluster)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_final_before_the_retention_is_purged_only_once_backfilled()
    {
        // The silo ran the backfill at start (an empty index then): recorded, so later starts skip it.
        await Eventually.Async(async () => await cluster.Grains.GetGrain<IRetentionGrain>(0).BackfilledAt() is not null,
            Deadline, "the backfill ran at silo start");

        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        await SetRetentionCheckpoint("SELECT '18446744073709551615'::xid8, 0::bigint");
        CitizenRequestView request;
        try
        {
            request = await driver.RequestIn(RequestKind.CriminalRecordExtract, RequestStatus.Issued);
            await Eventually.Async(async () => await IndexedVersion(request.Id) == request.Version, Deadline, "the index shows the issued request");
        }
        finally
        {
            // The retention consumer resumes after this request's events: it never saw the step into Issued.
            await SetRetentionCheckpoint("SELECT tx_id, seq FROM outbox ORDER BY tx_id DESC, seq DESC LIMIT 1");
        }

        cluster.MoveTo(request.History[^1].At + new RetentionOptions().Issued + TimeSpan.FromMinutes(1));
        var retention = cluster.Grains.GetGrain<IRetentionGrain>(0);
        await retention.Sweep();
        Assert.Null((await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen))!.PurgedAt);

        var scheduled = await cluster.Backfill.RunAsync(Cancel);
        Assert.True(scheduled >= 1, $"{scheduled} requests backfilled");
        var sweep = await retention.Sweep();
        Assert.True(sweep.Purged >= 1);
        var purged = (await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen))!;
        Assert.NotNull(purged.PurgedAt);
        Assert.Equal(request.Version + 1, purged.Version);

        // Again, once the index holds the tombstone: the purged request is not scheduled, nothing is purged twice.
        await Eventually.Async(async () => await IndexedVersion(request.Id) == purged.Version, Deadline, "the index holds the tombstone");
        await cluster.Backfill.RunAsync(Cancel);
        Assert.Equal(0, (await retention.Sweep()).Purged);
        Assert.Equal(purged.Version, (await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen))!.Version);
    }

    [Fact]
    public async Task A_large_backfill_writes_each_days_bucket_once_not_once_per_page()
    {
        // 12,000 requests of the index, issued on three days far ahead (their buckets are this test's alone), in id
        // order interleaved over the days: page by page, every page would rewrite every day's list.
        var firstDay = new DateTimeOffset(2045, 3, 1, 10, 0, 0, TimeSpan.Zero);
        await using (var insert = cluster.Database.CreateCommand("""
            INSERT INTO request_index (id, reference, kind, status, center_id, governorate, owner_subject, submitted_at,
                                       submitted_ticks, updated_at, updated_ticks, version, is_pupil, document)
            SELECT gen_random_uuid(), 'BACKFILL-' || n, 'CriminalRecordExtract', 'Issued', 'backfill-test', 'TUNIS', 'backfill-' || n,
                   issued, 0, issued, 0, 4, false,
                   jsonb_build_object('history', jsonb_build_array(jsonb_build_object('status', 'Issued', 'at', issued)))
            FROM generate_series(1, 12000) AS n, LATERAL (SELECT $1::timestamptz + (n % 3) * interval '1 day' AS issued) AS day
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = firstDay });
            await insert.ExecuteNonQueryAsync(Cancel);
        }

        var scheduled = await cluster.Backfill.RunAsync(Cancel);

        Assert.True(scheduled >= 12_000, $"{scheduled} requests backfilled");
        for (var day = 0; day < 3; day++)
        {
            var key = RetentionDays.KeyOf(DateOnly.FromDateTime((firstDay + new RetentionOptions().Issued).UtcDateTime).AddDays(day));
            await using var bucket = cluster.Database.CreateCommand(
                "SELECT version, jsonb_array_length(convert_from(payload, 'UTF8')::jsonb -> 'Pending') FROM orleans_storage WHERE grain_id_extension = $1");
            bucket.Parameters.Add(new NpgsqlParameter { Value = key });
            await using var row = await bucket.ExecuteReaderAsync(Cancel);
            Assert.True(await row.ReadAsync(Cancel), $"the bucket of {key} is stored");
            Assert.Equal((1, 4_000), (row.GetInt32(0), row.GetInt32(1)));
        }
    }

    /// <summary>Moves the retention consumer's checkpoint, under the row lock its relay takes, so no pass runs meanwhile.</summary>
    private async Task SetRetentionCheckpoint(string position)
    {
        await using var connection = await cluster.Database.OpenConnectionAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        await using (var ensure = new NpgsqlCommand("INSERT INTO outbox_checkpoint (consumer) VALUES ('retention') ON CONFLICT (consumer) DO NOTHING", connection, transaction))
        {
            await ensure.ExecuteNonQueryAsync(Cancel);
        }

        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM outbox_checkpoint WHERE consumer = 'retention' FOR UPDATE", connection, transaction))
        {
            await lockRow.ExecuteNonQueryAsync(Cancel);
        }

        await using (var move = new NpgsqlCommand(
            $"UPDATE outbox_checkpoint SET (last_tx, last_seq) = ({position}), updated_at = now() WHERE consumer = 'retention'", connection, transaction))
        {
            await move.ExecuteNonQueryAsync(Cancel);
        }

        await transaction.CommitAsync(Cancel);
    }

    private async Task<long?> IndexedVersion(Guid id)
    {
        await using var command = cluster.Database.CreateCommand("SELECT version FROM request_index WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(Cancel) as long?;
    }
}
