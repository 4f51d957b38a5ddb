using Actors.Contracts.Documents;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Actors.Contracts.Retention;
using Actors.Tests.Postgres;
using Npgsql;

namespace Actors.Tests.Retention;

/// <summary>
/// The purge on PostgreSQL, through the outbox relay: the retention consumer schedules a request that became final,
/// the sweep past its period purges it, and then what is stored holds none of the applicant's data: the grain's row in
/// orleans_storage, the request index's row (the tombstone) and the issued document's row; the analysts' counts and
/// figures do not move, and a second sweep writes nothing.
/// </summary>
[Collection(PostgresRetentionCollection.Name)]
public sealed class PostgresRetentionPurgeTests(PostgresRetentionFixture cluster)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly RetentionOptions Defaults = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // What the driver's applicant is made of (RequestDriver.Adult): none of it may be stored after the purge.
    private static readonly string[] ApplicantValues = ["محمد", "الطرابلسي", "Mohamed", "Trabelsi", "1990-05-17"];

    [Fact]
    public async Task An_issued_extract_is_purged_through_the_relay_from_state_index_and_document_and_the_counts_stay()
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        var request = await driver.RequestIn(RequestKind.CriminalRecordExtract, RequestStatus.Issued);
        var number = Assert.IsType<string>(request.DocumentCode);
        var finalAt = request.History[^1].At;
        await Eventually.Async(() => RetentionConsumerPassed(request.Id, request.Version), Deadline, "the retention consumer scheduled the request");
        await Eventually.Async(async () => await IndexedVersion(request.Id) == request.Version, Deadline, "the index shows the issued request");

        // The probes see the data while it is kept: an assertion below that finds none of it means something.
        Assert.Contains("Trabelsi", await RequestStateText(request.Id));
        Assert.Contains("1990-05-17", await IndexDocumentText(request.Id));
        Assert.Contains("Trabelsi", await DocumentStateText(number));
        var filter = new RequestFilter(CenterIds: [driver.Requests.CenterId]);
        RequestDimension[] groupBy = [RequestDimension.Kind, RequestDimension.Status, RequestDimension.Governorate, RequestDimension.Center, RequestDimension.SubmittedDay];
        var countsBefore = Describe(await cluster.Index.CountAsync(filter, groupBy, Cancel));
        var figuresBefore = Describe(await cluster.Index.FiguresAsync(filter, Cancel));

        cluster.MoveTo(finalAt + Defaults.Issued + TimeSpan.FromMinutes(1));
        var sweep = await cluster.Grains.GetGrain<IRetentionGrain>(0).Sweep();
        Assert.True(sweep.Purged >= 1);

        var purged = (await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen))!;
        Assert.NotNull(purged.PurgedAt);
        Assert.Equal(request.Version + 1, purged.Version);
        await Eventually.Async(async () => await IndexedVersion(request.Id) == purged.Version, Deadline, "the index holds the tombstone");
        await Eventually.Async(async () => !(await DocumentStateText(number)).Contains("Trabelsi", StringComparison.Ordinal),
            Deadline, "the retention consumer purged the document");

        var state = await RequestStateText(request.Id);
        var indexed = await IndexDocumentText(request.Id);
        var document = await DocumentStateText(number);
        Assert.All(ApplicantValues, value =>
        {
            Assert.DoesNotContain(value, state, StringComparison.Ordinal);
            Assert.DoesNotContain(value, indexed, StringComparison.Ordinal);
            Assert.DoesNotContain(value, document, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("Employment", state, StringComparison.Ordinal);
        Assert.DoesNotContain("TND1:", document, StringComparison.Ordinal);

        // The index row is the grain's tombstone: same version, status and purge time, no applicant.
        var row = await IndexRow(driver, request.Id);
        Assert.Equal(purged.Version, row.Version);
        Assert.Equal(RequestStatus.Issued, row.Status);
        Assert.Equal(purged.PurgedAt, row.Document!.PurgedAt);
        Assert.Null(row.Document.Applicant);

        // The document keeps its number and standing, and is no longer shown or verified online.
        var lookup = await cluster.Grains.GetGrain<IIssuedDocumentGrain>(number).Lookup(new DateOnly(1990, 5, 17));
        Assert.True(lookup.Exists);
        Assert.Null(lookup.Answer);
        Assert.Null(await cluster.Grains.GetGrain<IIssuedDocumentGrain>(number).Read(driver.Requests.Citizen));
        Assert.Contains(number, document, StringComparison.Ordinal);

        Assert.Equal(countsBefore, Describe(await cluster.Index.CountAsync(filter, groupBy, Cancel)));
        Assert.Equal(figuresBefore, Describe(await cluster.Index.FiguresAsync(filter, Cancel)));

        // A second sweep: nothing purged, no row written, no event added.
        var stored = await StoredVersions(request.Id, number);
        var events = await OutboxEvents(request.Id);
        var again = await cluster.Grains.GetGrain<IRetentionGrain>(0).Sweep();
        Assert.Equal(0, again.Purged);
        Assert.Equal(stored, await StoredVersions(request.Id, number));
        Assert.Equal(events, await OutboxEvents(request.Id));
        Assert.Equal(purged.Version, await IndexedVersion(request.Id));
    }

    /// <summary>Whether the relay's "retention" checkpoint is at or past the request's event of this version.</summary>
    private async Task<bool> RetentionConsumerPassed(Guid id, long version)
    {
        await using var command = cluster.Database.CreateCommand("""
            SELECT EXISTS (
              SELECT 1 FROM outbox_checkpoint AS c, outbox AS o
              WHERE c.consumer = 'retention' AND o.aggregate_id = $1 AND o.version = $2 AND (c.last_tx, c.last_seq) >= (o.tx_id, o.seq))
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id.ToString("D") });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        return (bool)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task<long?> IndexedVersion(Guid id)
    {
        await using var command = cluster.Database.CreateCommand("SELECT version FROM request_index WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(Cancel) as long?;
    }

    // jsonb's text: strings decoded, so Arabic letters read as letters whatever the writer escaped.
    private Task<string> RequestStateText(Guid id) => Text(
        "SELECT convert_from(payload, 'UTF8')::jsonb::text FROM orleans_storage WHERE grain_type = 'citizen-request' AND convert_from(payload, 'UTF8')::jsonb ->> 'Id' = $1",
        id.ToString("D"));

    private Task<string> DocumentStateText(string number) => Text(
        "SELECT convert_from(payload, 'UTF8')::jsonb::text FROM orleans_storage WHERE grain_type = 'issued-document' AND convert_from(payload, 'UTF8')::jsonb -> 'Issue' ->> 'Number' = $1",
        number);

    private Task<string> IndexDocumentText(Guid id) => Text("SELECT document::text FROM request_index WHERE id = $1::uuid", id.ToString("D"));

    private async Task<string> Text(string sql, string key)
    {
        await using var command = cluster.Database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel), $"a stored row for {key}");
        var text = reader.GetString(0);
        Assert.False(await reader.ReadAsync(Cancel), $"one stored row for {key}");
        return text;
    }

    private async Task<string> StoredVersions(Guid id, string number)
    {
        await using var command = cluster.Database.CreateCommand("""
            SELECT string_agg(version::text, ',' ORDER BY version) FROM orleans_storage
            WHERE (grain_type = 'citizen-request' AND convert_from(payload, 'UTF8')::jsonb ->> 'Id' = $1)
               OR (grain_type = 'issued-document' AND convert_from(payload, 'UTF8')::jsonb -> 'Issue' ->> 'Number' = $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id.ToString("D") });
        command.Parameters.Add(new NpgsqlParameter { Value = number });
        return (string)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task<long> OutboxEvents(Guid id)
    {
        await using var command = cluster.Database.CreateCommand("SELECT count(*) FROM outbox WHERE aggregate_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id.ToString("D") });
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task<RequestIndexEntry> IndexRow(RetentionDriver driver, Guid id)
    {
        var page = await cluster.Index.QueryAsync(
            new Contracts.ReadModels.KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(CenterIds: [driver.Requests.CenterId]), RequestOrder.Default, 50),
            Cancel);
        return Assert.Single(page.Items, e => e.Id == id);
    }

    private static string Describe(RequestCounts counts) =>
        $"{counts.Total}: " + string.Join("; ", counts.Groups.Select(g => string.Join(",", g.Key.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")) + $"={g.Count}"));

    private static string Describe(RequestFigures figures) =>
        System.Text.Json.JsonSerializer.Serialize(figures with { AsOf = default });
}
