using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.ReadModels;

namespace Actors.Tests.Exchanges;

/// <summary>What every exchange log answers, in memory or in PostgreSQL; each test gets an empty log.</summary>
public abstract class ExchangeLogContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid RequestA = new(0xA, 0, 0, new byte[8]);
    private static readonly Guid RequestB = new(0xB, 0, 0, new byte[8]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exchange_applied_again_counts_once_and_keeps_what_was_first_recorded()
    {
        var log = await CreateLogAsync();
        var first = Entry(1, RequestA, OutsideSystem.CivilRegistry, "IDENTITY_CONFIRMED", version: 3);
        var other = Entry(2, RequestA, OutsideSystem.Education, "ENROLLED", version: 4);

        await log.ApplyAsync([first, first with { Exchange = first.Exchange with { Outcome = "CHANGED_IN_BATCH" } }], Cancel);
        await log.ApplyAsync([first, first with { Version = 9, Exchange = first.Exchange with { Outcome = "CHANGED_LATER" } }, other], Cancel);
        await log.ApplyAsync([other], Cancel);

        var page = await log.QueryAsync(Query(new ExchangeFilter(), first: 10), Cancel);
        Assert.Equal(2, page.TotalCount);
        Assert.Equal([other.Id, first.Id], page.Items.Select(e => e.Id));
        Assert.Equal("IDENTITY_CONFIRMED", page.Items[1].Exchange.Outcome);
        Assert.Equal(3, page.Items[1].Version);
    }

    [Fact]
    public async Task An_exchange_reads_back_as_recorded_with_its_instant_in_utc()
    {
        var log = await CreateLogAsync();
        var entry = Entry(7, RequestB, OutsideSystem.Justice, "CLEAN") with { Version = 12 };
        entry = entry with
        {
            Exchange = entry.Exchange with
            {
                DataItems = ["nationalIdNumber", "givenName", "familyName", "birthDate"],
                LatencyMilliseconds = 1_234,
                Attempts = 3,
                TriggeredBy = "SYSTEM:pathway",
                Purpose = "Bulletin no. 3: criminal record outcome",
                At = new DateTimeOffset(2026, 3, 4, 10, 11, 12, TimeSpan.FromHours(1)).AddTicks(1_234_567),
            },
        };

        await log.ApplyAsync([entry], Cancel);

        var read = Assert.Single((await log.QueryAsync(Query(new ExchangeFilter(), first: 1), Cancel)).Items);
        Assert.Equal(entry.Version, read.Version);
        Assert.Equal(entry.Exchange with { DataItems = read.Exchange.DataItems, At = read.Exchange.At }, read.Exchange);
        Assert.Equal(entry.Exchange.DataItems, read.Exchange.DataItems);
        Assert.Equal(entry.Exchange.At, read.Exchange.At);
        Assert.Equal(TimeSpan.Zero, read.Exchange.At.Offset);
    }

    [Fact]
    public async Task Filters_combine_and_the_time_window_includes_from_and_excludes_to()
    {
        var log = await CreateLogAsync();
        var entries = Enumerable.Range(0, 30).Select(i => Entry(i,
            i % 2 == 0 ? RequestA : RequestB,
            (OutsideSystem)(i % 5),
            i % 3 == 0 ? "UNAVAILABLE" : "CONFIRMED",
            governorate: i % 4 == 0 ? "SFAX" : "TUNIS",
            centerId: i % 4 == 0 ? "TN61-GU1" : i % 4 == 1 ? "TN11-GU1" : "TN11-BJ1")).ToList();
        await log.ApplyAsync(entries, Cancel);

        async Task<IReadOnlyList<Guid>> Ids(ExchangeFilter filter) =>
            (await log.QueryAsync(Query(filter, first: 50), Cancel)).Items.Select(e => e.Id).ToList();
        IReadOnlyList<Guid> Expected(Func<ExchangeRecord, bool> where) =>
            entries.Where(e => where(e.Exchange)).OrderByDescending(e => e.Exchange.At).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();

        Assert.Equal(Expected(e => e.RequestId == RequestA), await Ids(new ExchangeFilter(RequestId: RequestA)));
        Assert.Equal(
            Expected(e => e.RequestId == RequestB && e.System is OutsideSystem.CivilRegistry or OutsideSystem.Justice && e.Outcome == "CONFIRMED"),
            await Ids(new ExchangeFilter(RequestId: RequestB, Systems: [OutsideSystem.CivilRegistry, OutsideSystem.Justice], Outcomes: ["CONFIRMED"])));
        Assert.Equal(Expected(e => e.Governorate == "SFAX"), await Ids(new ExchangeFilter(Governorates: ["SFAX"])));
        Assert.Equal(Expected(e => e.CenterId == "TN11-GU1" && e.System == OutsideSystem.PaymentGateway),
            await Ids(new ExchangeFilter(Systems: [OutsideSystem.PaymentGateway], CenterIds: ["TN11-GU1"])));
        Assert.Equal(Expected(e => e.At >= Start.AddMinutes(10) && e.At < Start.AddMinutes(20)),
            await Ids(new ExchangeFilter(From: Start.AddMinutes(10), To: Start.AddMinutes(20))));
        Assert.Equal([entries[17].Id], await Ids(new ExchangeFilter(ExchangeId: entries[17].Id)));
        Assert.Empty(await Ids(new ExchangeFilter(Governorates: ["SFAX"], CenterIds: ["TN11-GU1"])));
        Assert.Equal(10, Expected(e => e.At >= Start.AddMinutes(10) && e.At < Start.AddMinutes(20)).Count);
    }

    [Fact]
    public async Task Newest_first_by_default_and_keyset_pages_walk_both_ways_without_gaps()
    {
        var log = await CreateLogAsync();
        // Pairs of exchanges made at the same instant: ties are broken by id, in the same direction.
        var entries = Enumerable.Range(0, 23).Select(i => Entry(i, RequestA, OutsideSystem.CivilRegistry, "CONFIRMED") with
        {
            Exchange = Entry(i, RequestA, OutsideSystem.CivilRegistry, "CONFIRMED").Exchange with { At = Start.AddMinutes(i / 2) },
        }).ToList();
        await log.ApplyAsync(entries, Cancel);
        var newestFirst = entries.OrderByDescending(e => e.Exchange.At).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();

        foreach (var order in new[] { ExchangeOrder.Default, new ExchangeOrder(ExchangeSortField.At, Descending: false) })
        {
            var expected = order.Descending ? newestFirst : newestFirst.AsEnumerable().Reverse().ToList();
            var forward = new List<Guid>();
            KeysetCursor? after = null;
            KeysetPage<ExchangeLogEntry> page;
            var pages = 0;
            do
            {
                page = await log.QueryAsync(new KeysetQuery<ExchangeFilter, ExchangeOrder>(new ExchangeFilter(), order, First: 5, After: after), Cancel);
                forward.AddRange(page.Items.Select(e => e.Id));
                Assert.Equal(23, page.TotalCount);
                Assert.Equal(after is not null, page.HasPreviousPage);
                after = page.Items.Count > 0 ? new KeysetCursor(order.KeyOf(page.Items[^1]), page.Items[^1].Id) : null;
                pages++;
            }
            while (page.HasNextPage);

            Assert.Equal(5, pages);
            Assert.Equal(expected, forward);

            var backward = new List<Guid>();
            KeysetCursor? before = null;
            do
            {
                page = await log.QueryAsync(new KeysetQuery<ExchangeFilter, ExchangeOrder>(new ExchangeFilter(), order, Last: 4, Before: before), Cancel);
                backward.InsertRange(0, page.Items.Select(e => e.Id));
                Assert.Equal(before is not null, page.HasNextPage);
                before = page.Items.Count > 0 ? new KeysetCursor(order.KeyOf(page.Items[0]), page.Items[0].Id) : null;
            }
            while (page.HasPreviousPage);

            Assert.Equal(expected, backward);
        }
    }

    [Fact]
    public async Task Page_sizes_and_cursors_are_checked_before_reading()
    {
        var log = await CreateLogAsync();
        await log.ApplyAsync([Entry(1, RequestA, OutsideSystem.Notifications, "SENT")], Cancel);

        Assert.Equal("first", (await Assert.ThrowsAsync<ArgumentException>(() => log.QueryAsync(Query(new ExchangeFilter(), first: 1, last: 1), Cancel))).ParamName);
        Assert.Equal("after", (await Assert.ThrowsAsync<ArgumentException>(() =>
            log.QueryAsync(Query(new ExchangeFilter(), first: 1, after: new KeysetCursor("TN11-GU1", Guid.Empty)), Cancel))).ParamName);
        var empty = await log.QueryAsync(Query(new ExchangeFilter(), first: 0), Cancel);
        Assert.Empty(empty.Items);
        Assert.Equal(1, empty.TotalCount);
        Assert.True(empty.HasNextPage);
        Assert.True(empty.AsOf > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    protected abstract Task<IExchangeLog> CreateLogAsync();

    private static KeysetQuery<ExchangeFilter, ExchangeOrder> Query(ExchangeFilter filter, int? first = null, KeysetCursor? after = null, int? last = null) =>
        new(filter, ExchangeOrder.Default, first, after, last);

    private static ExchangeLogEntry Entry(
        int n, Guid requestId, OutsideSystem system, string outcome, string governorate = "TUNIS", string centerId = "TN11-GU1", long version = 1) =>
        new(new ExchangeRecord(
            new Guid(n + 1, 0xE, 0, new byte[8]), requestId, $"CIN-2026-{n:D5}", centerId, governorate, system,
            $"Check {system}", ["nationalIdNumber"], outcome, 100 + n, 1, "SYSTEM:pathway", Start.AddMinutes(n)), version);
}
