using Actors.Contracts.Documents;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Actors.Contracts.Retention;

namespace Actors.Tests.Retention;

/// <summary>
/// The retention purge through the real grains: a request that reaches a final status is scheduled by the publisher,
/// the sweep leaves it whole until its period ends and then removes its personal data from the grain and from the
/// request index, the owner still finds it (status kept, purgedAt set), the analysts' counts do not move, and a
/// retried sweep changes nothing.
/// </summary>
[Collection(RetentionCollection.Name)]
public sealed class RetentionPurgeTests(RetentionClusterFixture cluster)
{
    private static readonly RetentionOptions Defaults = new();

    public static TheoryData<RequestKind, RequestStatus> FinalStatuses => new()
    {
        { RequestKind.NationalIdCard, RequestStatus.Delivered },
        { RequestKind.CriminalRecordExtract, RequestStatus.Issued },
        { RequestKind.CriminalRecordExtract, RequestStatus.Referred },
        { RequestKind.NationalIdCard, RequestStatus.Rejected },
        { RequestKind.CriminalRecordExtract, RequestStatus.Cancelled },
        { RequestKind.NationalIdCard, RequestStatus.Expired },
    };

    [Theory]
    [MemberData(nameof(FinalStatuses))]
    public async Task Each_final_status_is_purged_once_its_period_has_ended_and_not_before(RequestKind kind, RequestStatus status)
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        var request = await driver.RequestIn(kind, status);
        Assert.Equal(status, request.Status);
        var finalAt = request.History[^1].At;
        var period = Defaults.Policy().PeriodOf(status)!.Value;

        cluster.MoveTo(finalAt + period - TimeSpan.FromHours(1));
        await cluster.Grains.GetGrain<IRetentionGrain>(0).Sweep();
        var kept = await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen);
        Assert.NotNull(kept!.Applicant);
        Assert.Null(kept.PurgedAt);

        cluster.MoveTo(finalAt + period + TimeSpan.FromMinutes(1));
        await cluster.Grains.GetGrain<IRetentionGrain>(0).Sweep();
        var purged = await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen);
        Assert.NotNull(purged);
        Assert.Equal(status, purged.Status);
        Assert.NotNull(purged.PurgedAt);
        Assert.Null(purged.Applicant);
        Assert.Null(purged.Guardian);
        Assert.Null(purged.Contact);
        Assert.Null(purged.Purpose);
        Assert.All(purged.History, h => Assert.Null(h.Reason));
        Assert.Equal(request.History.Select(h => (h.Status, h.At)), purged.History.Select(h => (h.Status, h.At)));
        Assert.Equal(request.SubmittedAt, purged.SubmittedAt);
        Assert.Equal(request.CenterId, purged.CenterId);

        await Postgres.Eventually.Async(async () => (await IndexRow(driver, request.Id)).Document?.PurgedAt is not null,
            TimeSpan.FromSeconds(30), "the purged request's tombstone in the index");
        var row = await IndexRow(driver, request.Id);
        Assert.NotNull(row.Document);
        Assert.Null(row.Document.Applicant);
        Assert.Null(row.Document.Contact);
        Assert.Equal(purged.PurgedAt, row.Document.PurgedAt);
        Assert.Equal(status, row.Status);
    }

    [Fact]
    public async Task The_analysts_counts_and_figures_are_the_same_after_the_purge()
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        var delivered = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Delivered);
        var cancelled = await driver.RequestIn(RequestKind.CriminalRecordExtract, RequestStatus.Cancelled);
        var open = await driver.Requests.RequestIn(RequestKind.NationalIdCard, RequestStatus.Verifying);
        var filter = new RequestFilter(CenterIds: [driver.Requests.CenterId]);
        RequestDimension[] groupBy = [RequestDimension.Kind, RequestDimension.Status, RequestDimension.Governorate, RequestDimension.Center, RequestDimension.SubmittedDay];
        var countsBefore = Describe(await cluster.Index.CountAsync(filter, groupBy, TestContext.Current.CancellationToken));
        var figuresBefore = Describe(await cluster.Index.FiguresAsync(filter, TestContext.Current.CancellationToken));

        cluster.MoveTo(delivered.History[^1].At + Defaults.Delivered + TimeSpan.FromMinutes(1));
        await cluster.Grains.GetGrain<IRetentionGrain>(0).Sweep();
        // The tombstones reach the index through the outbox, after the sweep has answered.
        await Postgres.Eventually.Async(
            async () => (await IndexRow(driver, delivered.Id)).Document!.PurgedAt is not null && (await IndexRow(driver, cancelled.Id)).Document!.PurgedAt is not null,
            TimeSpan.FromSeconds(30), "the purged requests' tombstones in the index");
        Assert.NotNull((await IndexRow(driver, delivered.Id)).Document!.PurgedAt);
        Assert.NotNull((await IndexRow(driver, cancelled.Id)).Document!.PurgedAt);
        Assert.Null((await IndexRow(driver, open!.Id)).Document!.PurgedAt);

        Assert.Equal(countsBefore, Describe(await cluster.Index.CountAsync(filter, groupBy, TestContext.Current.CancellationToken)));
        Assert.Equal(figuresBefore, Describe(await cluster.Index.FiguresAsync(filter, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_retried_sweep_or_purge_purges_nothing_twice()
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Rejected);
        cluster.MoveTo(request.History[^1].At + Defaults.Rejected + TimeSpan.FromMinutes(1));
        var retention = cluster.Grains.GetGrain<IRetentionGrain>(0);

        // Two sweeps at once (a reminder tick and a retry): the grain runs them one after the other.
        var sweeps = await Task.WhenAll(retention.Sweep(), retention.Sweep());
        var purged = await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen);
        Assert.NotNull(purged!.PurgedAt);
        Assert.True(sweeps[0].Purged + sweeps[1].Purged >= 1);

        var again = await cluster.Grains.GetGrain<IRequestRetentionGrain>(request.Id).Purge(Defaults.Policy(), cluster.Clock.GetUtcNow());
        Assert.Equal(PurgeOutcome.AlreadyPurged, again.Outcome);
        await retention.Sweep();

        // The day's bucket asked again (a redelivered outbox batch, then a pass): the request is not purged again.
        var day = RetentionDays.KeyOf(RetentionDays.Of(cluster.Clock.GetUtcNow()));
        await cluster.Grains.GetGrain<IRetentionDayGrain>(day).Schedule([request.Id], Defaults.Policy(), cluster.Clock.GetUtcNow());
        var pass = await cluster.Grains.GetGrain<IRetentionDayGrain>(day).Purge(Defaults.Policy(), cluster.Clock.GetUtcNow(), 100, close: false);
        Assert.Equal(0, pass.Purged);
        var after = await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen);
        Assert.Equal(purged.Version, after!.Version);
        Assert.Equal(purged.PurgedAt, after.PurgedAt);
    }

    [Fact]
    public async Task An_issued_document_loses_its_holders_data_with_its_request_and_is_no_longer_verified_online()
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        var request = await driver.RequestIn(RequestKind.CriminalRecordExtract, RequestStatus.Issued);
        var document = cluster.Grains.GetGrain<IIssuedDocumentGrain>(Assert.IsType<string>(request.DocumentCode));
        var birthDate = request.Applicant!.BirthDate;
        Assert.NotNull(await document.Read(driver.Requests.Citizen));
        Assert.NotNull((await document.Lookup(birthDate)).Answer);

        cluster.MoveTo(request.History[^1].At + Defaults.Issued + TimeSpan.FromMinutes(1));
        await cluster.Grains.GetGrain<IRetentionGrain>(0).Sweep();

        // The publisher hands the purge to the document after the request's commit: polled, not assumed done.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await document.Lookup(birthDate)).Answer is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var lookup = await document.Lookup(birthDate);
        Assert.True(lookup.Exists);
        Assert.Null(lookup.Answer);
        Assert.Null(await document.Read(driver.Requests.Citizen));
        Assert.Null(await document.Read(driver.Requests.Agent));
        Assert.Null(await document.RedeemDownloadLink("any-token"));
        await Assert.ThrowsAsync<Contracts.Errors.DomainException>(() => document.CreateDownloadLink(driver.Requests.Citizen));

        // A purge delivered again (a replayed outbox batch) finds nothing left to do.
        Assert.False(await document.Purge());
    }

    [Fact]
    public async Task A_request_that_is_not_final_is_never_purged()
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        var open = await driver.Requests.RequestIn(RequestKind.CriminalRecordExtract, RequestStatus.AwaitingPayment);
        var result = await cluster.Grains.GetGrain<IRequestRetentionGrain>(open!.Id)
            .Purge(Defaults.Policy(), cluster.Clock.GetUtcNow() + TimeSpan.FromDays(20 * 365));
        Assert.Equal(PurgeOutcome.NotFinal, result.Outcome);
        Assert.NotNull((await driver.Requests.Grain(open.Id).Find(driver.Requests.Citizen))!.Applicant);
    }

    [Fact]
    public async Task A_lengthened_period_moves_the_request_to_a_later_day_instead_of_purging_it()
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        var request = await driver.RequestIn(RequestKind.CriminalRecordExtract, RequestStatus.Cancelled);
        var finalAt = request.History[^1].At;
        cluster.MoveTo(finalAt + Defaults.Cancelled + TimeSpan.FromMinutes(1));

        // The bucket was filled under the default period; the operators have since doubled it.
        var longer = new RetentionOptions { Cancelled = Defaults.Cancelled * 2 }.Policy();
        var day = RetentionDays.KeyOf(RetentionDays.Of(finalAt + Defaults.Cancelled));
        var pass = await cluster.Grains.GetGrain<IRetentionDayGrain>(day).Purge(longer, cluster.Clock.GetUtcNow(), 100, close: false);
        Assert.Equal(0, pass.Purged);
        Assert.Equal(1, pass.Rescheduled);
        Assert.NotNull((await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen))!.Applicant);

        var later = RetentionDays.KeyOf(RetentionDays.Of(finalAt + longer.PeriodOf(RequestStatus.Cancelled)!.Value));
        var then = await cluster.Grains.GetGrain<IRetentionDayGrain>(later)
            .Purge(longer, finalAt + longer.PeriodOf(RequestStatus.Cancelled)!.Value + TimeSpan.FromMinutes(1), 100, close: false);
        Assert.Equal(1, then.Purged);
        Assert.Null((await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen))!.Applicant);
    }

    [Fact]
    public async Task Only_the_owner_and_the_desks_in_scope_still_find_a_purged_request()
    {
        var driver = new RetentionDriver(cluster);
        await driver.Requests.OpenCenter();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Rejected);
        cluster.MoveTo(request.History[^1].At + Defaults.Rejected + TimeSpan.FromMinutes(1));
        await cluster.Grains.GetGrain<IRetentionGrain>(0).Sweep();

        Assert.NotNull((await driver.Requests.Grain(request.Id).Find(driver.Requests.Citizen))!.PurgedAt);
        Assert.Null(await driver.Requests.Grain(request.Id).Find(new Actor("someone-else", ActorRole.Citizen)));
    }

    private async Task<RequestIndexEntry> IndexRow(RetentionDriver driver, Guid id)
    {
        var page = await cluster.Index.QueryAsync(
            new Contracts.ReadModels.KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(CenterIds: [driver.Requests.CenterId]), RequestOrder.Default, 50),
            TestContext.Current.CancellationToken);
        return Assert.Single(page.Items, e => e.Id == id);
    }

    private static string Describe(RequestCounts counts) =>
        $"{counts.Total}: " + string.Join("; ", counts.Groups.Select(g => string.Join(",", g.Key.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")) + $"={g.Count}"));

    private static string Describe(RequestFigures figures) =>
        System.Text.Json.JsonSerializer.Serialize(figures with { AsOf = default });
}
