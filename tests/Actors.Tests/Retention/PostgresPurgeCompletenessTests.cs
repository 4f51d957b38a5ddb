using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Contracts.Documents;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Contracts.Retention;
using Actors.Tests.Postgres;
using Actors.Tests.Requests;
using Npgsql;

namespace Actors.Tests.Retention;

/// <summary>
/// After a request's purge no table of the database holds its personal values: every row of every table is read
/// (state payloads decoded from their JSON, so that escaped letters read as letters) and searched for the applicant's
/// names, national ID number, birth place, phone and e-mail. The same search finds them before the purge, in the
/// request's state, its outbox events, the request index and its document: a search that finds nothing means something.
/// </summary>
[Collection(PostgresRetentionCollection.Name)]
public sealed class PostgresPurgeCompletenessTests(PostgresRetentionFixture cluster)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task A_purged_request_leaves_none_of_its_personal_values_in_any_table()
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();

        // Values made for this test only, so that a match anywhere is this request's.
        var unique = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nationalId = "9" + unique;
        var applicant = new Applicant("زكرياء", "الخروبي", new DateOnly(1987, 3, 9), "Ksar Ouled Soltane", nationalId, "Zakaria", "Kharroubi" + unique);
        var email = $"zakaria.k{unique}@example.tn";
        var phone = "2169" + unique;
        string[] personal = ["زكرياء", "الخروبي", "Kharroubi" + unique, "Ksar Ouled Soltane", nationalId, email, phone];

        var citizen = new Actor("citizen-" + Guid.NewGuid().ToString("N")[..8], ActorRole.Citizen, NationalIdNumber: nationalId);
        var key = Guid.NewGuid().ToString("N");
        var request = await cluster.Grains.GetGrain<ICitizenRequestGrain>(RequestKeys.For(citizen.Subject, key)).SubmitCriminalRecord(citizen,
            new CriminalRecordApplication(applicant, driver.Requests.CenterId, "Employment abroad", new ContactPoint(email, "+" + phone, "fr"), key));
        foreach (var action in ExpectedRequestSteps.PathTo(RequestKind.CriminalRecordExtract, RequestStatus.Issued)!)
        {
            var taker = ExpectedRequestSteps.For(action).TakenBy[0];
            var actor = taker == StepTaker.Owner ? citizen : driver.Requests.As(taker);
            request = await driver.Requests.Grain(request.Id).Perform(actor, await driver.Requests.CommandFor(action, request));
        }

        Assert.Equal(RequestStatus.Issued, request.Status);
        var number = Assert.IsType<string>(request.DocumentCode);
        await Eventually.Async(async () => await IndexedVersion(request.Id) == request.Version, Deadline, "the index shows the issued request");

        // Before: the probe finds each value, and in the places the purge must reach.
        var before = await EveryRow();
        Assert.All(personal, value => Assert.Contains(before, row => row.Text.Contains(value, StringComparison.Ordinal)));
        Assert.Contains(before, row => row.Table == "outbox" && row.Text.Contains(nationalId, StringComparison.Ordinal));
        Assert.Contains(before, row => row.Table == "request_index" && row.Text.Contains(email, StringComparison.Ordinal));
        var holderKey = DocumentHolders.KeyOf(applicant, Convert.FromBase64String(TestDocumentKey.HolderKeySecret));
        Assert.True(await HolderHasState(holderKey), "the holder's list is stored under the keyed holder key");
        Assert.False(await HolderHasRow(DocumentHolders.LegacyKeyOf(applicant)), "nothing is stored under the unkeyed key");

        cluster.MoveTo(request.History[^1].At + new RetentionOptions().Issued + TimeSpan.FromMinutes(1));
        Assert.True((await cluster.Grains.GetGrain<IRetentionGrain>(0).Sweep()).Purged >= 1);
        var purged = (await driver.Requests.Grain(request.Id).Find(citizen))!;
        Assert.NotNull(purged.PurgedAt);

        // The consumers reach the rest through the outbox: the index's tombstone, the document, the holder, the events.
        await Eventually.Async(async () => await IndexedVersion(request.Id) == purged.Version, Deadline, "the index holds the tombstone");
        await Eventually.Async(async () => !await HolderHasRow(holderKey), Deadline, "the holder's row is deleted, not left empty");
        await Eventually.Async(async () => !(await EveryRow()).Any(row => row.Table == "outbox" && row.Text.Contains(nationalId, StringComparison.Ordinal)),
            Deadline, "the outbox events are redacted");

        var after = await EveryRow();
        var left = personal
            .SelectMany(value => after.Where(row => row.Text.Contains(value, StringComparison.Ordinal)).Select(row => $"{value} in {row.Table}: {row.Text}"))
            .ToList();
        Assert.True(left.Count == 0, "personal data left after the purge:\n" + string.Join('\n', left));

        // The skeleton stays: the request's events are all still there (redacted, not deleted), and the purge's own.
        Assert.True(after.Count(r => r.Table == "outbox" && r.Text.Contains(request.Id.ToString("D"), StringComparison.Ordinal))
            > before.Count(r => r.Table == "outbox" && r.Text.Contains(request.Id.ToString("D"), StringComparison.Ordinal)));
        Assert.Equal(purged.Version, await IndexedVersion(request.Id));
        Assert.Equal(request.Status, purged.Status);
    }

    /// <summary>Every row of every table of the schema, as text: JSON columns and JSON state payloads with their letters unescaped.</summary>
    private async Task<List<(string Table, string Text)>> EveryRow()
    {
        var tables = new List<string>();
        await using (var list = cluster.Database.CreateCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"))
        await using (var reader = await list.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<(string, string)>();
        foreach (var table in tables)
        {
            await using var command = cluster.Database.CreateCommand($"SELECT * FROM \"{table}\"");
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                var fields = new List<string>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    fields.Add(reader.IsDBNull(i) ? "" : Readable(reader.GetValue(i)));
                }

                rows.Add((table, string.Join(" | ", fields)));
            }
        }

        return rows;
    }

    private static string Readable(object value)
    {
        var text = value switch
        {
            byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
            string s => s,
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
        try
        {
            return JsonNode.Parse(text) is { } json ? json.ToJsonString(Unescaped) : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private async Task<long?> IndexedVersion(Guid id)
    {
        await using var command = cluster.Database.CreateCommand("SELECT version FROM request_index WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(Cancel) as long?;
    }

    private async Task<bool> HolderHasRow(string holderKey)
    {
        await using var command = cluster.Database.CreateCommand("SELECT EXISTS (SELECT 1 FROM orleans_storage WHERE grain_id_extension = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = holderKey });
        return (bool)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task<bool> HolderHasState(string holderKey)
    {
        await using var command = cluster.Database.CreateCommand("SELECT EXISTS (SELECT 1 FROM orleans_storage WHERE grain_id_extension = $1 AND payload IS NOT NULL)");
        command.Parameters.Add(new NpgsqlParameter { Value = holderKey });
        return (bool)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
