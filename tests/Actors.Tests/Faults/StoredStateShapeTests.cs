using System.Text;
using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;
using Npgsql;

namespace Actors.Tests.Faults;

/// <summary>
/// State written by an earlier release must still load. <c>Samples/citizen-request.v1.json</c> is a CitizenRequestState
/// exactly as the silo stored it (SchemaVersion 1: System.Text.Json, enums as numbers, the latest transition's outbox).
/// It is put into <c>orleans_storage</c> directly, then read and moved on through the real silo and API.
/// Never edit a sample: when the shape changes, add the next one and keep this test loading the old ones.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class StoredStateShapeTests(PostgresServer server)
{
    [Fact]
    public async Task A_request_stored_in_the_version_1_shape_loads_answers_and_moves_on()
    {
        var sample = (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "tests", "Actors.Tests", "Faults", "Samples", "citizen-request.v1.json"),
            TestContext.Current.CancellationToken)).TrimEnd();
        var stored = JsonNode.Parse(sample)!;
        var id = Guid.Parse(stored["Id"]!.GetValue<string>());
        var owner = stored["OwnerSubject"]!.GetValue<string>();
        var requestId = GlobalIds.Of("CitizenRequest", id.ToString("N"));
        // The ADO.NET provider's row key for a Guid grain: the Guid's 16 bytes as two little-endian longs.
        var bytes = id.ToByteArray();
        var (n0, n1) = (BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8));

        await using var scenario = await FaultScenario.CreateAsync(server, "state-shape");
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            await using (var insert = scenario.Database.CreateCommand("""
                INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
                VALUES ('actors', 'citizen-request', $1, $2, '', $3, 7)
                """))
            {
                insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = n0 });
                insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = n1 });
                insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = Encoding.UTF8.GetBytes(sample) });
                await insert.ExecuteNonQueryAsync(cancel);
            }

            await scenario.Cluster.StartSilosAsync(1, cancel);
            await scenario.Cluster.StartApiAsync(seedDemo: true, cancel);
            var citizen = await scenario.Api.TokenAsync("CITIZEN", owner, nationalIdNumber: "01234567", cancellationToken: cancel);
            var agent = await scenario.Api.TokenAsync("AGENT", "agent-shape", stored["CenterId"]!.GetValue<string>(), cancellationToken: cancel);

            // Read through the grain, as its owner: every field as stored.
            var read = await scenario.Api.PostAsync("""
                query($id: ID!) { request(id: $id) { id reference kind status version idCardReason center { code }
                  applicant { givenName familyName birthDate nationalIdNumber } history { version status actor action } } }
                """, new { id = requestId }, citizen, cancel);
            Assert.Null(read["errors"]);
            var request = read["data"]!["request"]!;
            Assert.Equal(stored["Reference"]!.GetValue<string>(), request["reference"]!.GetValue<string>());
            Assert.Equal("NATIONAL_ID_CARD", request["kind"]!.GetValue<string>());
            Assert.Equal("AWAITING_PAYMENT", request["status"]!.GetValue<string>());
            Assert.Equal(3, request["version"]!.GetValue<long>());
            Assert.Equal("RENEWAL", request["idCardReason"]!.GetValue<string>());
            Assert.Equal("TN11-GU1", request["center"]!["code"]!.GetValue<string>());
            Assert.Equal("""{"givenName":"Amira","familyName":"Ben Salah","birthDate":"1995-02-03","nationalIdNumber":"01234567"}""",
                request["applicant"]!.ToJsonString());
            Assert.Equal(
                [$"1:SUBMITTED:CITIZEN:{owner}:", "2:VERIFYING:AGENT @ TN11-GU1:START_VERIFICATION", "3:AWAITING_PAYMENT:AGENT @ TN11-GU1:CONFIRM_VERIFICATION"],
                request["history"]!.AsArray().Select(h => $"{h!["version"]}:{h["status"]}:{h["actor"]}:{h["action"]}"));

            // The same submission again (same owner, key and application): the stored request, not a new one.
            var resubmitted = await scenario.Api.PostAsync("""
                mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) { request { id version } errors { ... on Error { code } } } }
                """, new
            {
                @in = new
                {
                    reason = "RENEWAL",
                    centerId = GlobalIds.Center("TN11-GU1"),
                    idempotencyKey = stored["IdempotencyKey"]!.GetValue<string>(),
                    applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1995-02-03", nationalIdNumber = "01234567" },
                },
            }, citizen, cancel);
            Assert.Null(resubmitted["errors"]);
            Assert.Equal(requestId, resubmitted["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>());

            // And it moves on: the next step is version 4, written over the same row (storage version 7 → 8).
            var paid = await scenario.Api.PostAsync("""
                mutation($in: RecordPaymentInput!) { recordPayment(input: $in) { request { status version } errors { ... on Error { code message } } } }
                """, new { @in = new { requestId, paymentReference = "CASH-SHAPE", amountMillimes = 3000, expectedVersion = 3 } }, agent, cancel);
            Assert.Null(paid["errors"]);
            Assert.Null(paid["data"]!["recordPayment"]!["errors"]);
            Assert.Equal("PAID", paid["data"]!["recordPayment"]!["request"]!["status"]!.GetValue<string>());
            Assert.Equal(["8:4"], await scenario.ScalarsAsync<string>($"""
                SELECT version || ':' || (convert_from(payload, 'UTF8')::jsonb ->> 'Version')
                FROM orleans_storage WHERE grain_type = 'citizen-request' AND grain_id_n0 = {n0} AND grain_id_n1 = {n1}
                """));
            Assert.Equal([1L], await scenario.ScalarsAsync<long>("SELECT count(*) FROM orleans_storage WHERE grain_type = 'citizen-request'"));
            await Eventually.Async(async () => (await scenario.IndexedRequestsAsync()).GetValueOrDefault(id.ToString("D")).Version == 4,
                TimeSpan.FromSeconds(30), "the index shows the step taken on the old state");

            // What the sample holds is still what the silo writes: the same members, nothing renamed.
            var written = JsonNode.Parse(Encoding.UTF8.GetString((await scenario.ScalarsAsync<byte[]>(
                "SELECT payload FROM orleans_storage WHERE grain_type = 'citizen-request'")).Single()))!.AsObject();
            Assert.Empty(stored.AsObject().Select(p => p.Key).Except(written.Select(p => p.Key)));
            Assert.Equal(1, written["SchemaVersion"]!.GetValue<int>());
        });
    }
}
