using Actors.Demo;
using Actors.Tests.Infrastructure;
using Npgsql;

namespace Actors.Tests.DemoData;

/// <summary>
/// <see cref="DeferredIndexes"/>: a load that at least doubles the request index puts its secondary indexes aside (the
/// primary key stays) and builds them again afterwards, exactly as defined; a load smaller than what the table holds
/// leaves them alone.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeferredIndexesTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_load_into_an_empty_index_builds_its_secondary_indexes_afterwards_as_they_were()
    {
        await using var db = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var before = await RequestIndexDefinitions.ReadAsync(db);

        var deferred = await DeferredIndexes.DropForLoadAsync(db, "request_index", rows: 10, Cancel);

        Assert.Equal(before.Count - 1, deferred.Names.Count);
        Assert.Equal(["request_index_pkey"], (await RequestIndexDefinitions.ReadAsync(db)).Select(i => i.Name));
        await deferred.RebuildAsync(db, parallel: 3);
        Assert.Equal(before, await RequestIndexDefinitions.ReadAsync(db));
    }

    [Fact]
    public async Task A_load_smaller_than_the_table_keeps_its_indexes()
    {
        await using var db = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var before = await RequestIndexDefinitions.ReadAsync(db);
        // Two requests already indexed; a load of two more would not double the table.
        await using (var seed = db.CreateCommand("""
            INSERT INTO request_index (id, reference, kind, status, center_id, governorate, owner_subject,
                                       submitted_at, submitted_ticks, updated_at, updated_ticks, version, is_pupil)
            SELECT gen_random_uuid(), 'CIN-' || n, 'NationalIdCard', 'Submitted', 'TN11-GU1', 'TUNIS', 'citizen-' || n,
                   now(), n, now(), n, 1, false
            FROM generate_series(1, 2) AS n
            """))
        {
            await seed.ExecuteNonQueryAsync(Cancel);
        }

        var deferred = await DeferredIndexes.DropForLoadAsync(db, "request_index", rows: 2, Cancel);

        Assert.Empty(deferred.Names);
        Assert.Equal(before, await RequestIndexDefinitions.ReadAsync(db));
    }
}
