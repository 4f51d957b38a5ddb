using Actors.Contracts.ReadModels;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Actors.Contracts.Scheduling;
using Actors.Persistence.Requests;
using Actors.Tests.Infrastructure;
using Npgsql;

namespace Actors.Tests.Performance;

/// <summary>
/// The structural facts progress relies on at a million requests (issue 15, target 4), checked without timing anything:
/// request_counts (migration 0013) holds exactly request_index's counts after inserts, status changes, updates that keep
/// every counted column, and deletes; and the analysts' questions are answered from it, not by counting requests.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProgressStructureTests(PostgresServer server)
{
    private static readonly DateTimeOffset Monday = TunisTime.ToInstant(new DateOnly(2026, 3, 2), new TimeOnly(9, 30));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string FromIndex = """
        SELECT kind, status, governorate, center_id, is_pupil, coalesce(school_code, ''), (submitted_at AT TIME ZONE 'Africa/Tunis')::date, count(*)
        FROM request_index GROUP BY 1, 2, 3, 4, 5, 6, 7
        """;

    private const string FromCounts = """
        SELECT kind, status, governorate, center_id, is_pupil, school_code, submitted_day, requests
        FROM request_counts WHERE requests <> 0
        """;

    [Fact]
    public async Task The_counts_follow_every_write_to_the_index()
    {
        await using var database = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var index = new PostgresRequestIndex(database);
        var entries = Enumerable.Range(0, 60).Select(Entry).ToList();
        await index.ApplyAsync(entries, Cancel);
        Assert.Equal(await RowsAsync(database, FromIndex), await RowsAsync(database, FromCounts));
        Assert.Equal(60, await ScalarAsync(database, "SELECT sum(requests) FROM request_counts"));

        // One batch as the outbox consumer writes it: status changes, a later version that keeps every counted column,
        // a stale version (ignored by the upsert), and new requests.
        var batch = entries.Take(20).Select(e => e with { Status = RequestStatus.Verifying, Version = e.Version + 1 })
            .Concat(entries.Skip(20).Take(10).Select(e => e with { Version = e.Version + 1, UpdatedAt = e.UpdatedAt.AddHours(1) }))
            .Concat(entries.Skip(30).Take(5).Select(e => e with { Status = RequestStatus.Cancelled, Version = e.Version - 1 }))
            .Concat(Enumerable.Range(60, 5).Select(Entry))
            .ToList();
        await index.ApplyAsync(batch, Cancel);
        Assert.Equal(await RowsAsync(database, FromIndex), await RowsAsync(database, FromCounts));

        await using (var delete = database.CreateCommand("DELETE FROM request_index WHERE status = 'Verifying' AND kind = 'NationalIdCard'"))
        {
            Assert.True(await delete.ExecuteNonQueryAsync(Cancel) > 0);
        }

        Assert.Equal(await RowsAsync(database, FromIndex), await RowsAsync(database, FromCounts));
        var groups = await index.CountAsync(new RequestFilter(), [RequestDimension.Governorate, RequestDimension.Status], Cancel);
        Assert.All(groups.Groups, g => Assert.True(g.Count > 0));
        Assert.Equal(await ScalarAsync(database, "SELECT count(*) FROM request_index"), groups.Total);

        // A page's totalCount: from the counts when its filter allows (statuses and a governorate, as a supervisor's
        // list), from the requests otherwise (an owner's); the same number either way.
        var supervisors = new RequestFilter(Statuses: [RequestStatus.Submitted, RequestStatus.Cancelled], Governorates: ["TUNIS"]);
        Assert.NotNull(RequestCountsTable.Counting(supervisors, []));
        var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(supervisors, RequestOrder.Default, First: 3), Cancel);
        Assert.Equal(await ScalarAsync(database,
            "SELECT count(*) FROM request_index WHERE status IN ('Submitted', 'Cancelled') AND governorate = 'TUNIS'"), page.TotalCount);
        Assert.True(page.TotalCount > 3);
        var owners = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(OwnerSubject: "citizen-50"), RequestOrder.Default, First: 3), Cancel);
        Assert.Equal(1, owners.TotalCount);
    }

    [Fact]
    public void Analysts_questions_read_the_counts_and_per_person_ones_the_requests()
    {
        RequestDimension[] byGovernorateAndStatus = [RequestDimension.Governorate, RequestDimension.Status];
        var midnight = RequestQueriesDay(new DateOnly(2026, 3, 2));
        Assert.NotNull(RequestCountsTable.Counting(new RequestFilter(), byGovernorateAndStatus));
        Assert.NotNull(RequestCountsTable.Counting(new RequestFilter(), [RequestDimension.Center, RequestDimension.SubmittedDay]));
        Assert.NotNull(RequestCountsTable.Counting(
            new RequestFilter(Statuses: [RequestStatus.Verifying], Governorates: ["TUNIS"], CenterIds: ["C-1"], IsPupil: true, SchoolCode: "S-1",
                SubmittedFrom: midnight, SubmittedBefore: midnight.AddDays(7)), byGovernorateAndStatus));

        // What the counts do not hold: a window cut inside a day, overdue and escalation, an owner.
        Assert.Null(RequestCountsTable.Counting(new RequestFilter(SubmittedFrom: midnight.AddHours(9)), byGovernorateAndStatus));
        Assert.Null(RequestCountsTable.Counting(new RequestFilter(Overdue: true), byGovernorateAndStatus));
        Assert.Null(RequestCountsTable.Counting(new RequestFilter(Escalated: false), byGovernorateAndStatus));
        Assert.Null(RequestCountsTable.Counting(new RequestFilter(OwnerSubject: "citizen-a"), byGovernorateAndStatus));
        Assert.Null(RequestCountsTable.Counting(new RequestFilter(OwnerNationalIdNumber: "01234567"), byGovernorateAndStatus));
    }

    [Fact]
    public async Task A_countrywide_question_does_not_scan_the_requests()
    {
        await using var database = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var sql = RequestCountsTable.Counting(new RequestFilter(), [RequestDimension.Center, RequestDimension.SubmittedDay])!;
        await using var connection = await database.OpenConnectionAsync(Cancel);
        await using var explain = sql.ToCommand(connection, null);
        explain.CommandText = "EXPLAIN " + explain.CommandText;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel))
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains("request_counts", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("request_index", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_supervisors_list_walks_one_index_per_governorate_and_status()
    {
        await using var database = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var index = new PostgresRequestIndex(database);
        // Every status in 12 governorates, enough rows that the planner prefers an index to a scan and a sort; a desk
        // queue is a few per cent of them, as at a million.
        var statuses = Enum.GetValues<RequestStatus>();
        foreach (var chunk in Enumerable.Range(0, 8000)
                     .Select(i => Entry(i) with { Status = statuses[i % statuses.Length], Governorate = (i / 16 % 12) switch { 0 => "TUNIS", 1 => "SFAX", var g => $"G-{g}" } })
                     .Chunk(1000))
        {
            await index.ApplyAsync(chunk, Cancel);
        }

        await using (var analyze = database.CreateCommand("ANALYZE request_index"))
        {
            await analyze.ExecuteNonQueryAsync(Cancel);
        }

        var queue = new RequestFilter(Statuses: [RequestStatus.Verifying, RequestStatus.NeedsCorrection, RequestStatus.InProduction], Governorates: ["TUNIS", "SFAX"]);
        var expected = await RowsInOrderAsync(database, """
            SELECT id FROM request_index WHERE status IN ('Verifying', 'NeedsCorrection', 'InProduction') AND governorate IN ('TUNIS', 'SFAX')
            ORDER BY submitted_ticks DESC, id DESC
            """);
        Assert.True(expected.Count > 200);

        // The walks give the list's rows in its order, forwards and backwards, page after page.
        var forwards = new List<string>();
        KeysetCursor? after = null;
        for (var hasNext = true; hasNext;)
        {
            var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(queue, RequestOrder.Default, First: 40, After: after), Cancel);
            forwards.AddRange(page.Items.Select(e => e.Id.ToString()));
            after = page.Items.Count == 0 ? null : Cursor(page.Items[^1]);
            hasNext = page.HasNextPage;
        }

        Assert.Equal(expected, forwards);
        var backwards = new List<string>();
        KeysetCursor? before = null;
        for (var hasPrevious = true; hasPrevious;)
        {
            var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(queue, RequestOrder.Default, Last: 40, Before: before), Cancel);
            backwards.InsertRange(0, page.Items.Select(e => e.Id.ToString()));
            before = page.Items.Count == 0 ? null : Cursor(page.Items[0]);
            hasPrevious = page.HasPreviousPage;
        }

        Assert.Equal(expected, backwards);

        // The first page reads (governorate, status, submitted_ticks, id) of 0014 once per combination, not the
        // submission-time index filtered row by row; an owner's list keeps its own index.
        var plan = await PlanAsync(database, PostgresRequestIndex.PageStatement(new KeysetQuery<RequestFilter, RequestOrder>(queue, RequestOrder.Default, First: 50)));
        Assert.True(plan.Contains("request_index_governorate_status", StringComparison.Ordinal), plan);
        Assert.False(plan.Contains("request_index_by_submitted", StringComparison.Ordinal), plan);
        Assert.Null(new RequestIndexTable().WalksFor(queue with { OwnerSubject = "citizen-50" }, RequestOrder.Default));
        Assert.Null(new RequestIndexTable().WalksFor(queue, RequestOrder.Stuck));

        // Its totalCount can be read from the counts by (governorate, status) of 0015, not by scanning the summary (a
        // test-sized summary is small enough for a scan to win, hence scans are priced out: the index must serve it).
        await using var connection = await database.OpenConnectionAsync(Cancel);
        await using (var noScans = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await noScans.ExecuteNonQueryAsync(Cancel);
        }

        await using var explainCount = RequestCountsTable.Counting(queue, [])!.ToCommand(connection, null);
        explainCount.CommandText = "EXPLAIN " + explainCount.CommandText;
        var countPlan = new System.Text.StringBuilder();
        await using (var reader = await explainCount.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel))
            {
                countPlan.AppendLine(reader.GetString(0));
            }
        }

        Assert.True(countPlan.ToString().Contains("request_counts_by_governorate_status", StringComparison.Ordinal), countPlan.ToString());
    }

    private static KeysetCursor Cursor(RequestIndexEntry entry) => new(RequestOrder.Default.KeyOf(entry), entry.Id);

    private static async Task<string> PlanAsync(NpgsqlDataSource database, Actors.Persistence.ReadModels.SqlText sql)
    {
        await using var connection = await database.OpenConnectionAsync(Cancel);
        await using var explain = sql.ToCommand(connection, null);
        explain.CommandText = "EXPLAIN " + explain.CommandText;
        var plan = new System.Text.StringBuilder();
        await using var reader = await explain.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString();
    }

    private static async Task<List<string>> RowsInOrderAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var rows = new List<string>();
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add(reader.GetGuid(0).ToString());
        }

        return rows;
    }

    private static DateTimeOffset RequestQueriesDay(DateOnly day) => TunisTime.ToInstant(day, TimeOnly.MinValue);

    private static RequestIndexEntry Entry(int i) => new(
        Id: Guid.NewGuid(),
        Reference: $"REQ-{i:D4}",
        Kind: i % 3 == 0 ? RequestKind.CriminalRecordExtract : RequestKind.NationalIdCard,
        Status: (i % 4) switch { 0 => RequestStatus.Submitted, 1 => RequestStatus.AwaitingPayment, 2 => RequestStatus.Issued, _ => RequestStatus.Rejected },
        CenterId: $"C-{i % 5}",
        Governorate: i % 2 == 0 ? "TUNIS" : "SFAX",
        OwnerSubject: $"citizen-{i}",
        // Around midnight in Tunis on some: the day is Tunis's, not UTC's.
        SubmittedAt: Monday.AddDays(i % 7).AddHours(i % 3 == 0 ? 14 : 0).AddMinutes(i),
        UpdatedAt: Monday.AddDays(8),
        Version: 3,
        IsPupil: i % 4 == 1);

    private static async Task<List<string>> RowsAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var rows = new List<string>();
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }
}
