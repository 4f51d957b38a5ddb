using Actors.Contracts.Requests.Index;
using Actors.Demo;
using Actors.Persistence.Requests;
using Actors.Tests.Infrastructure;
using Npgsql;

namespace Actors.Tests.DemoData;

/// <summary>
/// For the same seed, the generator's real paths (a silo on PostgreSQL, the grains, the outbox, the request index) and
/// its bulk COPY into another database leave the same progress figures: counts by governorate and status, by kind and
/// status, by submission day, and the completion and rejection totals. Durations are not compared: in the real run
/// a step's instant is the movable clock's "now", at or a little after the planned one (docs/demo-data.md).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DemoModesAgreeTests(PostgresServer server)
{
    private const int Requests = 150;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RealPathsAndBulkGiveTheSameProgressFigures()
    {
        var plan = new DemoPlan(42, Requests, DemoArguments.Parse([], DateTimeOffset.UtcNow).Start, 30);
        var real = await server.CreateDatabaseAsync();
        var bulk = await server.CreateDatabaseAsync();
        var settings = TestDocumentKey.Settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["ConnectionStrings:Postgres"] = real;

        var realRun = await new RealPathsRun(plan, settings, parallel: 8, output: null).RunAsync(Cancel);
        // Several COPY streams, each in its own transaction, share the plan's chunks of rows.
        var bulkRun = await new BulkLoad(plan, bulk, output: null, streams: 3, rowsPerChunk: 20).RunAsync(Cancel);

        Assert.Empty(realRun.Departures);
        Assert.Equal(Requests, realRun.ByStatus.Values.Sum());
        Assert.Equal(bulkRun.ByStatus.OrderBy(s => s.Key), realRun.ByStatus.OrderBy(s => s.Key));
        await using var realIndex = NpgsqlDataSource.Create(real);
        await using var bulkIndex = NpgsqlDataSource.Create(bulk);
        var fromReal = new PostgresRequestIndex(realIndex);
        var fromBulk = new PostgresRequestIndex(bulkIndex);
        foreach (var groupBy in new[]
                 {
                     new[] { RequestDimension.Governorate, RequestDimension.Status }, [RequestDimension.Kind, RequestDimension.Status],
                     [RequestDimension.SubmittedDay], [RequestDimension.School, RequestDimension.Status],
                 })
        {
            var expected = await fromBulk.CountAsync(new RequestFilter(), groupBy, Cancel);
            var actual = await fromReal.CountAsync(new RequestFilter(), groupBy, Cancel);
            Assert.Equal(Requests, expected.Total);
            Assert.Equal(Rows(expected), Rows(actual));
        }

        var bulkFigures = await fromBulk.FiguresAsync(new RequestFilter(), Cancel);
        var realFigures = await fromReal.FiguresAsync(new RequestFilter(), Cancel);
        Assert.Equal(
            (bulkFigures.Total, bulkFigures.Final, bulkFigures.Completed, bulkFigures.Rejected, bulkFigures.TimeToCompletion.Count),
            (realFigures.Total, realFigures.Final, realFigures.Completed, realFigures.Rejected, realFigures.TimeToCompletion.Count));
        Assert.True(bulkFigures.Completed > 0 && bulkFigures.Rejected > 0, "The plan has completed and rejected requests.");

        // The bulk load built the index's secondary indexes after its rows: every one is back, as the migrations made it.
        Assert.Equal(await RequestIndexDefinitions.ReadAsync(realIndex), await RequestIndexDefinitions.ReadAsync(bulkIndex));
    }

    private static List<string> Rows(RequestCounts counts) =>
        counts.Groups.Select(g => string.Join('|', g.Key.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")) + $":{g.Count}").ToList();
}
