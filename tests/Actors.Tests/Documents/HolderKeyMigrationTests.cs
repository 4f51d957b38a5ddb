using Actors.Contracts.Documents;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Tests.Postgres;
using Actors.Tests.Requests;
using Actors.Tests.Retention;
using Npgsql;
using static Actors.Tests.Documents.LegacyHolderIssues;

namespace Actors.Tests.Documents;

/// <summary>
/// Holders stored by the previous release under the unkeyed key, met by this build on real PostgreSQL: the keyed holder
/// adopts them, so that one holder still never has two valid documents, and the unkeyed key leaves the database.
/// </summary>
[Collection(PostgresRetentionCollection.Name)]
public sealed class HolderKeyMigrationTests(PostgresRetentionFixture cluster)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static byte[] Secret => Convert.FromBase64String(TestDocumentKey.HolderKeySecret);

    [Fact]
    public async Task An_issue_of_this_build_supersedes_the_document_of_a_holder_stored_under_the_unkeyed_key()
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        var (applicant, citizen) = NewHolder();
        var legacyKey = DocumentHolders.LegacyKeyOf(applicant);
        var keyedKey = DocumentHolders.KeyOf(applicant, Secret);

        // The first extract as the previous release issued it: the unkeyed key as the holder key, no legacy key.
        var oldNumber = NewNumber();
        var first = await Document(oldNumber).Issue(OldReleaseIssue(oldNumber, applicant, citizen, driver.Requests.CenterId, cluster.Clock.GetUtcNow() - TimeSpan.FromHours(1)));
        Assert.Equal(DocumentStatus.Valid, first.Status);
        Assert.True(await HasRow(legacyKey), "the previous release's holder is stored under the unkeyed key");

        // The next extract, through a request of this build.
        var newNumber = Assert.IsType<string>((await IssueThroughRequest(driver, applicant, citizen)).DocumentCode);
        var second = (await Document(newNumber).Read(citizen))!;
        var firstNow = (await Document(oldNumber).Read(citizen))!;
        Assert.Equal(DocumentStatus.Valid, second.Status);
        Assert.Equal(DocumentStatus.Superseded, firstNow.Status);
        Assert.Equal(newNumber, firstNow.SupersededBy);

        // The keyed holder lists both; the unkeyed row is gone, and no row anywhere (the old document's included) holds that key.
        Assert.Equal(new[] { oldNumber, newNumber }.Order(StringComparer.Ordinal), (await Holder(keyedKey).Documents()).Select(d => d.Number).Order(StringComparer.Ordinal));
        Assert.False(await HasRow(legacyKey), "the unkeyed holder's row is deleted");
        Assert.Equal(0, await RowsContaining(legacyKey));
        Assert.NotEqual(legacyKey, keyedKey);
    }

    [Fact]
    public async Task Adopting_a_holder_whose_lists_each_had_a_valid_document_leaves_only_the_newest_valid()
    {
        var (applicant, citizen) = NewHolder();
        var legacyKey = DocumentHolders.LegacyKeyOf(applicant);
        var keyedKey = DocumentHolders.KeyOf(applicant, Secret);
        var now = cluster.Clock.GetUtcNow();

        // A rollout without Documents:KeepLegacyHolders: this build issued under the keyed key (nothing to adopt yet), then
        // an old silo issued a later extract under the unkeyed key. Both are valid until the holders meet.
        var keyedNumber = NewNumber();
        var legacyNumber = NewNumber();
        await Document(keyedNumber).Issue(OldReleaseIssue(keyedNumber, applicant, citizen, "center-x", now - TimeSpan.FromHours(2))
            with { HolderKey = keyedKey, LegacyHolderKey = legacyKey });
        await Document(legacyNumber).Issue(OldReleaseIssue(legacyNumber, applicant, citizen, "center-x", now - TimeSpan.FromHours(1)));
        Assert.Equal(DocumentStatus.Valid, (await Document(keyedNumber).Read(citizen))!.Status);
        Assert.Equal(DocumentStatus.Valid, (await Document(legacyNumber).Read(citizen))!.Status);

        // The silo-start backfill's step for this holder.
        await Holder(keyedKey).Adopt(legacyKey);
        await Holder(keyedKey).Adopt(legacyKey);

        var older = (await Document(keyedNumber).Read(citizen))!;
        Assert.Equal(DocumentStatus.Superseded, older.Status);
        Assert.Equal(legacyNumber, older.SupersededBy);
        Assert.Equal(DocumentStatus.Valid, (await Document(legacyNumber).Read(citizen))!.Status);
        Assert.False(await HasRow(legacyKey), "the unkeyed holder's row is deleted");
        Assert.Equal(0, await RowsContaining(legacyKey));

        // Its purge later forgets the adopted document under the keyed key, where it now points.
        Assert.True(await Document(legacyNumber).Purge());
        Assert.Equal([keyedNumber], (await Holder(keyedKey).Documents()).Select(d => d.Number));
    }

    [Fact]
    public async Task The_backfill_adopts_a_holder_stored_under_the_unkeyed_key_that_no_new_document_reaches()
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        var (applicant, citizen) = NewHolder();
        var legacyKey = DocumentHolders.LegacyKeyOf(applicant);
        var keyedKey = DocumentHolders.KeyOf(applicant, Secret);
        var request = await IssueThroughRequest(driver, applicant, citizen);
        var newNumber = Assert.IsType<string>(request.DocumentCode);
        await Eventually.Async(async () => await IndexedVersion(request.Id) == request.Version, TimeSpan.FromSeconds(60), "the index shows the issued request");

        // An extract an old silo issued earlier under the unkeyed key, which this build's issue did not meet (the
        // holder was adopted before it was stored): valid beside the new one until the backfill.
        var oldNumber = NewNumber();
        await Document(oldNumber).Issue(OldReleaseIssue(oldNumber, applicant, citizen, driver.Requests.CenterId, request.History[^1].At - TimeSpan.FromDays(30)));
        Assert.Equal(DocumentStatus.Valid, (await Document(oldNumber).Read(citizen))!.Status);
        Assert.True(await HasRow(legacyKey));

        var visited = await cluster.HolderBackfill.RunAsync(cluster.HolderKeys, Cancel);
        await cluster.HolderBackfill.RunAsync(cluster.HolderKeys, Cancel);

        Assert.True(visited >= 1);
        Assert.Equal(DocumentStatus.Superseded, (await Document(oldNumber).Read(citizen))!.Status);
        Assert.Equal(DocumentStatus.Valid, (await Document(newNumber).Read(citizen))!.Status);
        Assert.False(await HasRow(legacyKey), "the unkeyed holder's row is deleted");
        Assert.Equal(0, await RowsContaining(legacyKey));
        Assert.Equal(new[] { oldNumber, newNumber }.Order(StringComparer.Ordinal), (await Holder(keyedKey).Documents()).Select(d => d.Number).Order(StringComparer.Ordinal));
    }

    private async Task<CitizenRequestView> IssueThroughRequest(RetentionDriver driver, Applicant applicant, Actor citizen)
    {
        var key = Guid.NewGuid().ToString("N");
        var request = await cluster.Grains.GetGrain<ICitizenRequestGrain>(RequestKeys.For(citizen.Subject, key)).SubmitCriminalRecord(citizen,
            new CriminalRecordApplication(applicant, driver.Requests.CenterId, "Employment abroad", new ContactPoint("holder@example.tn", "+21620000000", "fr"), key));
        foreach (var action in ExpectedRequestSteps.PathTo(RequestKind.CriminalRecordExtract, RequestStatus.Issued)!)
        {
            var taker = ExpectedRequestSteps.For(action).TakenBy[0];
            var actor = taker == StepTaker.Owner ? citizen : driver.Requests.As(taker);
            request = await driver.Requests.Grain(request.Id).Perform(actor, await driver.Requests.CommandFor(action, request));
        }

        Assert.Equal(RequestStatus.Issued, request.Status);
        return request;
    }

    private IIssuedDocumentGrain Document(string number) => cluster.Grains.GetGrain<IIssuedDocumentGrain>(number);

    private IDocumentHolderGrain Holder(string key) => cluster.Grains.GetGrain<IDocumentHolderGrain>(key);

    private async Task<long?> IndexedVersion(Guid id)
    {
        await using var command = cluster.Database.CreateCommand("SELECT version FROM request_index WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(Cancel) as long?;
    }

    private async Task<bool> HasRow(string holderKey)
    {
        await using var command = cluster.Database.CreateCommand("SELECT EXISTS (SELECT 1 FROM orleans_storage WHERE grain_id_extension = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = holderKey });
        return (bool)(await command.ExecuteScalarAsync(Cancel))!;
    }

    /// <summary>Rows of the grain storage whose key or payload holds the text (payloads as bytes: pub-sub state is binary).</summary>
    private async Task<long> RowsContaining(string text)
    {
        await using var command = cluster.Database.CreateCommand(
            "SELECT count(*) FROM orleans_storage WHERE grain_id_extension = $1 OR position(convert_to($1, 'UTF8') IN payload) > 0");
        command.Parameters.Add(new NpgsqlParameter { Value = text });
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
