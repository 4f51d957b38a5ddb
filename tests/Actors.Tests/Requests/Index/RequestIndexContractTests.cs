using Actors.Contracts.Outbox;
using Actors.Contracts.ReadModels;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;

namespace Actors.Tests.Requests.Index;

/// <summary>
/// What every <see cref="IRequestIndex"/> must do, run against each implementation (in memory and PostgreSQL).
/// Expected answers come from a plain LINQ model of the contract: filter, order by (sort key ordinal, id as text),
/// ties broken by id in the same direction.
/// </summary>
public abstract class RequestIndexContractTests
{
    private static readonly DateTimeOffset Epoch = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] GovernorateCodes = ["TUNIS", "SFAX", "SOUSSE", "GABES"];
    private static readonly string[] CenterCodes = ["C-01", "C-02", "C-03", "C-04", "C-05"];
    private static readonly string[] Owners = ["citizen-a", "citizen-b", "citizen-c", "citizen-d"];
    private static readonly RequestStatus[] SomeStatuses =
        [RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.AwaitingPayment, RequestStatus.Paid, RequestStatus.Delivered];

    public static IEnumerable<RequestOrder> AllOrders =>
        Enum.GetValues<RequestSortField>().SelectMany(sort => new[] { new RequestOrder(sort, false), new RequestOrder(sort, true) });

    /// <summary>A new, empty index.</summary>
    protected abstract Task<IRequestIndex> CreateIndexAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyIndexAnswersAnEmptyPage()
    {
        var index = await CreateIndexAsync();

        var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), RequestOrder.Default, First: 10), Cancel);

        Assert.Empty(page.Items);
        Assert.False(page.HasNextPage);
        Assert.False(page.HasPreviousPage);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task CountsGroupLikeTheModelForEveryFilterAndDimension()
    {
        var index = await CreateIndexAsync();
        // Around midnight in Tunis (UTC+1): 23:30 UTC is already the next day there.
        var late = Sample(12).Select((e, i) => e with { Id = Guid.NewGuid(), SubmittedAt = new DateTimeOffset(2025, 3, 1, 22, 50, 0, TimeSpan.Zero).AddMinutes(i) });
        var entries = Sample(120).Concat(late).ToList();
        await index.ApplyAsync(entries, Cancel);

        RequestDimension[][] groupings =
        [
            [], [RequestDimension.Status], [RequestDimension.Kind, RequestDimension.Governorate],
            [RequestDimension.Center, RequestDimension.IsPupil], [RequestDimension.SubmittedDay], [RequestDimension.Status, RequestDimension.Status],
        ];
        foreach (var (name, filter) in SingleFilters())
        {
            var matching = Expected(entries, filter, RequestOrder.Default);
            foreach (var groupBy in groupings)
            {
                var dimensions = groupBy.Distinct().ToList();
                var expected = matching
                    .GroupBy(e => string.Join('\u001f', dimensions.Select(d => RequestDimensions.ValueOf(e, d))), StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (g.Key, (long)g.Count()))
                    .ToList();
                var counts = await index.CountAsync(filter, groupBy, Cancel);
                var actual = counts.Groups.Select(g => (string.Join('\u001f', dimensions.Select(d => g.Key[d])), g.Count)).ToList();
                Assert.True(expected.SequenceEqual(actual), $"{name} by {string.Join(",", groupBy)}");
                Assert.Equal(matching.Count, counts.Total);
            }
        }

        var days = await index.CountAsync(new RequestFilter(), [RequestDimension.SubmittedDay], Cancel);
        Assert.Equal(["2025-03-01", "2025-03-02"], days.Groups.Select(g => g.Key[RequestDimension.SubmittedDay]));
    }

    [Fact]
    public async Task TheStuckOrderPutsEscalatedRequestsFirstThenTheOldestOverdue()
    {
        var index = await CreateIndexAsync();
        var sample = Sample(4);
        var day = Epoch.AddDays(10);
        var escalatedLately = sample[0] with { Id = Guid.NewGuid(), OverdueSince = day.AddDays(3), EscalatedAt = day.AddDays(9) };
        var oldest = sample[1] with { Id = Guid.NewGuid(), OverdueSince = day.AddDays(1), EscalatedAt = null };
        var newer = sample[2] with { Id = Guid.NewGuid(), OverdueSince = day.AddDays(2).ToOffset(TimeSpan.FromHours(1)), EscalatedAt = null };
        var onTime = sample[3] with { Id = Guid.NewGuid(), OverdueSince = null, EscalatedAt = null };
        await index.ApplyAsync([onTime, newer, oldest, escalatedLately], Cancel);

        var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(Overdue: true), RequestOrder.Stuck, First: 10), Cancel);

        Assert.Equal([escalatedLately.Id, oldest.Id, newer.Id], Ids(page.Items));
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task EntriesComeBackExactlyAsApplied()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(120);
        await index.ApplyAsync(entries, Cancel);

        var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), new RequestOrder(RequestSortField.Reference, false), First: 500), Cancel);

        // Record equality: every field, timestamps to the 100 ns tick (DateTimeOffset compares the instant).
        Assert.Equal(entries.OrderBy(e => e.Reference, StringComparer.Ordinal), page.Items);
        Assert.All(page.Items, e => Assert.Equal(TimeSpan.Zero, e.SubmittedAt.Offset));
    }

    [Fact]
    public async Task EachFilterAloneSelectsExactlyTheMatchingEntries()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(120);
        await index.ApplyAsync(entries, Cancel);

        foreach (var (name, filter) in SingleFilters())
        {
            await AssertWholeListAsync(index, entries, filter, RequestOrder.Default, name);
        }
    }

    [Fact]
    public async Task CombinedFiltersAreAllApplied()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(120);
        await index.ApplyAsync(entries, Cancel);

        var combinations = new (string, RequestFilter)[]
        {
            ("kind+status", new RequestFilter(Kinds: [RequestKind.NationalIdCard], Statuses: [RequestStatus.Submitted, RequestStatus.Paid])),
            ("governorate+center", new RequestFilter(Governorates: ["TUNIS", "SFAX"], CenterIds: ["C-01", "C-02", "C-03"])),
            ("owner+pupil", new RequestFilter(OwnerSubject: "citizen-b", IsPupil: false)),
            ("window+status", new RequestFilter(Statuses: [RequestStatus.Verifying], SubmittedFrom: Epoch.AddMinutes(10), SubmittedBefore: Epoch.AddMinutes(30))),
            ("everything", new RequestFilter([RequestKind.CriminalRecordExtract], [RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.Paid],
                ["TUNIS", "SOUSSE", "GABES"], ["C-02", "C-03", "C-04"], null, Epoch.AddMinutes(5), Epoch.AddMinutes(38), true)),
            ("nothing matches", new RequestFilter(OwnerSubject: "nobody")),
        };
        foreach (var (name, filter) in combinations)
        {
            await AssertWholeListAsync(index, entries, filter, RequestOrder.Default, name);
        }
    }

    [Fact]
    public async Task EveryOrderInBothDirectionsBreaksTiesById()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(120);
        await index.ApplyAsync(entries, Cancel);

        foreach (var order in AllOrders)
        {
            await AssertWholeListAsync(index, entries, new RequestFilter(), order, $"{order.Field} desc={order.Descending}");
        }
    }

    [Fact]
    public async Task ForwardPagingVisitsEveryEntryOnceInEveryOrder()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(120);
        await index.ApplyAsync(entries, Cancel);

        foreach (var order in AllOrders)
        {
            await AssertForwardPagingAsync(index, entries, new RequestFilter(), order, pageSize: 7);
        }
    }

    [Fact]
    public async Task BackwardPagingVisitsEveryEntryOnceInEveryOrder()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(120);
        await index.ApplyAsync(entries, Cancel);

        foreach (var order in AllOrders)
        {
            await AssertBackwardPagingAsync(index, entries, new RequestFilter(), order, pageSize: 9);
        }
    }

    [Fact]
    public async Task PagingAFilteredListVisitsEachMatchOnce()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(120);
        await index.ApplyAsync(entries, Cancel);
        var filter = new RequestFilter(Statuses: [RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.Paid], IsPupil: false);

        foreach (var order in AllOrders)
        {
            await AssertForwardPagingAsync(index, entries, filter, order, pageSize: 4);
            await AssertBackwardPagingAsync(index, entries, filter, order, pageSize: 5);
        }
    }

    [Fact]
    public async Task PagesAreWindowsBetweenCursors()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(40);
        await index.ApplyAsync(entries, Cancel);
        var order = new RequestOrder(RequestSortField.UpdatedAt, true);
        var expected = Expected(entries, new RequestFilter(), order);
        var after = Cursor(order, expected[9]);
        var before = Cursor(order, expected[20]);

        var forward = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), order, First: 5, After: after, Before: before), Cancel);
        var backward = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), order, Last: 5, After: after, Before: before), Cancel);
        var all = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), order, First: 50, After: after, Before: before), Cancel);

        Assert.Equal(Ids(expected.Skip(10).Take(5)), Ids(forward.Items));
        Assert.True(forward.HasNextPage);
        Assert.True(forward.HasPreviousPage);
        Assert.Equal(Ids(expected.Skip(15).Take(5)), Ids(backward.Items));
        Assert.True(backward.HasNextPage);
        Assert.True(backward.HasPreviousPage);
        Assert.Equal(Ids(expected.Skip(10).Take(10)), Ids(all.Items));
        Assert.Equal(40, all.TotalCount);
    }

    [Fact]
    public async Task TotalCountIsTheWholeFilteredListOnEveryPage()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(120);
        await index.ApplyAsync(entries, Cancel);
        var filter = new RequestFilter(Governorates: ["SFAX"]);
        var expected = Expected(entries, filter, RequestOrder.Default);

        var first = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, RequestOrder.Default, First: 3), Cancel);
        var later = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, RequestOrder.Default, First: 3, After: Cursor(RequestOrder.Default, expected[5])), Cancel);
        var last = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, RequestOrder.Default, Last: 2), Cancel);

        Assert.All(new[] { first, later, last }, page => Assert.Equal(expected.Count, page.TotalCount));
    }

    [Fact]
    public async Task ApplyingIsIdempotentAndTheHighestVersionWins()
    {
        var index = await CreateIndexAsync();
        var original = Sample(1)[0] with { Version = 3, Status = RequestStatus.Verifying };
        var older = original with { Version = 2, Status = RequestStatus.Submitted, UpdatedAt = original.UpdatedAt.AddMinutes(-5) };
        var newer = original with { Version = 4, Status = RequestStatus.AwaitingPayment, UpdatedAt = original.UpdatedAt.AddMinutes(5) };
        var sameVersionOtherContent = original with { Status = RequestStatus.Rejected };

        await index.ApplyAsync([original], Cancel);
        await index.ApplyAsync([original], Cancel);
        Assert.Equal([original], await AllAsync(index));

        await index.ApplyAsync([older], Cancel);
        await index.ApplyAsync([sameVersionOtherContent], Cancel);
        Assert.Equal([original], await AllAsync(index));

        await index.ApplyAsync([newer], Cancel);
        await index.ApplyAsync([original, older], Cancel);
        Assert.Equal([newer], await AllAsync(index));
    }

    [Fact]
    public async Task ABatchWithSeveralVersionsOfOneRequestKeepsTheNewest()
    {
        var index = await CreateIndexAsync();
        var entry = Sample(1)[0];
        var versions = Enumerable.Range(1, 5).Select(v => entry with { Version = v, UpdatedAt = entry.UpdatedAt.AddMinutes(v) }).ToList();

        await index.ApplyAsync([versions[2], versions[4], versions[0], versions[3], versions[1]], Cancel);

        Assert.Equal([versions[4]], await AllAsync(index));
    }

    [Fact]
    public async Task ACursorOnARowThatNoLongerMatchesStillMarksItsPlace()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(60).Select(e => e with { Status = RequestStatus.Submitted }).ToList();
        await index.ApplyAsync(entries, Cancel);
        var filter = new RequestFilter(Statuses: [RequestStatus.Submitted]);
        var order = RequestOrder.Default;

        var first = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, order, First: 10), Cancel);
        var moved = first.Items[^1] with { Version = first.Items[^1].Version + 1, Status = RequestStatus.Verifying };
        await index.ApplyAsync([moved], Cancel);
        var next = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, order, First: 10, After: Cursor(order, first.Items[^1])), Cancel);
        var back = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, order, Last: 3, Before: Cursor(order, first.Items[^1])), Cancel);

        var now = entries.Where(e => e.Id != moved.Id).ToList();
        var expected = Expected(now, filter, order);
        Assert.Equal(Ids(expected.Skip(9).Take(10)), Ids(next.Items));
        Assert.True(next.HasPreviousPage);
        Assert.True(next.HasNextPage);
        Assert.Equal(59, next.TotalCount);
        Assert.Equal(Ids(expected.Skip(6).Take(3)), Ids(back.Items));
        Assert.True(back.HasPreviousPage);
        Assert.True(back.HasNextPage);
    }

    [Fact]
    public async Task AnswersSayHowFreshTheyAre()
    {
        var index = await CreateIndexAsync();
        await index.ApplyAsync(Sample(3), Cancel);
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), RequestOrder.Default, First: 1), Cancel);

        Assert.InRange(page.AsOf, before, DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task InvalidRequestsAreRejected()
    {
        var index = await CreateIndexAsync();
        await index.ApplyAsync(Sample(3), Cancel);
        var byReference = new RequestOrder(RequestSortField.Reference, false);

        Task Query(RequestOrder order, int? first = null, KeysetCursor? after = null, int? last = null, KeysetCursor? before = null) =>
            index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), order, first, after, last, before), Cancel);

        Assert.Equal("first", (await Assert.ThrowsAsync<ArgumentException>(() => Query(RequestOrder.Default, first: 1, last: 1))).ParamName);
        Assert.Equal("first", (await Assert.ThrowsAsync<ArgumentException>(() => Query(RequestOrder.Default, first: -1))).ParamName);
        Assert.Equal("last", (await Assert.ThrowsAsync<ArgumentException>(() => Query(RequestOrder.Default, last: -1))).ParamName);
        Assert.Equal("after", (await Assert.ThrowsAsync<ArgumentException>(() =>
            Query(RequestOrder.Default, first: 1, after: new KeysetCursor("not-a-time", Guid.NewGuid())))).ParamName);
        Assert.Equal("before", (await Assert.ThrowsAsync<ArgumentException>(() =>
            Query(RequestOrder.Default, last: 1, before: new KeysetCursor("123", Guid.NewGuid())))).ParamName);
        // A reference order takes any text; a timestamp order only the 19 digits of its keys.
        await Query(byReference, first: 1, after: new KeysetCursor("not-a-time", Guid.NewGuid()));
        await Query(RequestOrder.Default, last: 1, before: new KeysetCursor(SortKeys.Of(Epoch), Guid.NewGuid()));
    }

    [Fact]
    public async Task DocumentsComeBackAsAppliedAndRowsWithoutOneStayListed()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(8);
        var withDocuments = entries.Take(5).Select(e => e with { Document = DocumentOf(e) }).ToList();
        // As rows of the release before the index held documents.
        var without = entries.Skip(5).ToList();
        await index.ApplyAsync([.. withDocuments, .. without], Cancel);

        var all = await AllAsync(index);

        Assert.Equal(8, all.Count);
        foreach (var applied in withDocuments)
        {
            var stored = all.Single(e => e.Id == applied.Id);
            Assert.NotNull(stored.Document);
            Assert.Equal(OutboxJson.Serialize(applied.Document), OutboxJson.Serialize(stored.Document));
            Assert.Equal(applied.Document!.Applicant, stored.Document.Applicant);
            Assert.Equal(applied.Document.History, stored.Document.History);
        }

        Assert.All(all.Where(e => without.Any(w => w.Id == e.Id)), e => Assert.Null(e.Document));

        // The next change of such a row brings its document; an older one with a document changes nothing.
        var next = without[0] with { Version = without[0].Version + 1, Document = DocumentOf(without[0]) };
        var stale = without[1] with { Version = without[1].Version - 1, Document = DocumentOf(without[1]) };
        await index.ApplyAsync([next, stale], Cancel);
        var again = await AllAsync(index);
        Assert.Equal(OutboxJson.Serialize(next.Document), OutboxJson.Serialize(again.Single(e => e.Id == next.Id).Document));
        Assert.Null(again.Single(e => e.Id == stale.Id).Document);
    }

    [Fact]
    public async Task APageWithoutDocumentsOrTotalHasTheSameRowsAndColumns()
    {
        var index = await CreateIndexAsync();
        var entries = Sample(12).Select(e => e with { Document = DocumentOf(e) }).ToList();
        await index.ApplyAsync(entries, Cancel);
        var filter = new RequestFilter(Statuses: [.. SomeStatuses]);

        var full = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, RequestOrder.Default, First: 5), Cancel);
        var slim = await index.QueryAsync(
            new KeysetQuery<RequestFilter, RequestOrder>(filter, RequestOrder.Default, First: 5) { WithoutDocuments = true }, Cancel);

        Assert.Equal(full.Items.Select(e => e with { Document = null }), slim.Items.Select(e => e with { Document = null }));
        Assert.Equal(full.TotalCount, slim.TotalCount);
        Assert.Equal(full.HasNextPage, slim.HasNextPage);
        AssertDocumentsLeftUnread(slim.Items);

        // A page that shows no total is not counted; whether another page follows is still known.
        var uncounted = await index.QueryAsync(
            new KeysetQuery<RequestFilter, RequestOrder>(filter, RequestOrder.Default, First: 5) { WithoutTotal = true }, Cancel);
        Assert.Equal(full.Items.Select(e => e with { Document = null }), uncounted.Items.Select(e => e with { Document = null }));
        Assert.Equal(KeysetPage<RequestIndexEntry>.NotCounted, uncounted.TotalCount);
        Assert.True(full.TotalCount > 5, "the sample must fill more than a page");
        Assert.True(uncounted.HasNextPage);
    }

    /// <summary>What an index that keeps documents elsewhere does with a page that does not need them (the embedded one has them at hand).</summary>
    protected virtual void AssertDocumentsLeftUnread(IReadOnlyList<RequestIndexEntry> page)
    {
    }

    private async Task AssertWholeListAsync(IRequestIndex index, List<RequestIndexEntry> entries, RequestFilter filter, RequestOrder order, string because)
    {
        var expected = Expected(entries, filter, order);
        var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, order, First: 1000), Cancel);
        Assert.True(Ids(expected).SequenceEqual(Ids(page.Items)), $"{because}: expected {expected.Count} entries in order, got {page.Items.Count}.");
        Assert.Equal(expected.Count, page.TotalCount);
        Assert.False(page.HasNextPage, because);
        Assert.False(page.HasPreviousPage, because);
    }

    private static async Task AssertForwardPagingAsync(IRequestIndex index, List<RequestIndexEntry> entries, RequestFilter filter, RequestOrder order, int pageSize)
    {
        var expected = Expected(entries, filter, order);
        var seen = new List<RequestIndexEntry>();
        KeysetCursor? after = null;
        var because = $"forward {order.Field} desc={order.Descending}";
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages <= expected.Count, $"{because}: paging does not end");
            var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, order, First: pageSize, After: after), Cancel);
            Assert.Equal(expected.Count, page.TotalCount);
            Assert.Equal(after is not null, page.HasPreviousPage);
            seen.AddRange(page.Items);
            Assert.Equal(seen.Count < expected.Count, page.HasNextPage);
            if (!page.HasNextPage)
            {
                break;
            }

            Assert.Equal(pageSize, page.Items.Count);
            after = Cursor(order, page.Items[^1]);
        }

        Assert.True(Ids(expected).SequenceEqual(Ids(seen)), $"{because}: pages have gaps, duplicates or a wrong order.");
    }

    private static async Task AssertBackwardPagingAsync(IRequestIndex index, List<RequestIndexEntry> entries, RequestFilter filter, RequestOrder order, int pageSize)
    {
        var expected = Expected(entries, filter, order);
        var seen = new List<RequestIndexEntry>();
        KeysetCursor? before = null;
        var because = $"backward {order.Field} desc={order.Descending}";
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages <= expected.Count, $"{because}: paging does not end");
            var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, order, Last: pageSize, Before: before), Cancel);
            Assert.Equal(expected.Count, page.TotalCount);
            Assert.Equal(before is not null, page.HasNextPage);
            // Each page is in the list's order; it goes in front of what we have.
            seen.InsertRange(0, page.Items);
            Assert.Equal(seen.Count < expected.Count, page.HasPreviousPage);
            if (!page.HasPreviousPage)
            {
                break;
            }

            Assert.Equal(pageSize, page.Items.Count);
            before = Cursor(order, page.Items[0]);
        }

        Assert.True(Ids(expected).SequenceEqual(Ids(seen)), $"{because}: pages have gaps, duplicates or a wrong order.");
    }

    [Fact]
    public async Task SchoolsAndMonthsCountLikeTheModel()
    {
        var index = await CreateIndexAsync();
        // Either side of midnight on the last day of February in Tunis (UTC+1).
        var sample = Sample(90);
        sample[0] = sample[0] with { SubmittedAt = new DateTimeOffset(2025, 2, 28, 22, 59, 59, TimeSpan.Zero) };
        sample[1] = sample[1] with { SubmittedAt = new DateTimeOffset(2025, 2, 28, 23, 0, 0, TimeSpan.Zero) };
        var entries = WithHistories(sample, seed: 7);
        await index.ApplyAsync(entries, Cancel);

        RequestDimension[][] groupings =
        [
            [RequestDimension.School], [RequestDimension.SubmittedMonth], [RequestDimension.School, RequestDimension.Status],
            [RequestDimension.Governorate, RequestDimension.School, RequestDimension.SubmittedMonth],
        ];
        (string, RequestFilter)[] filters =
        [
            ("no filter", new RequestFilter()), ("a school", new RequestFilter(SchoolCode: "SCH-0001")),
            ("a school nobody attends", new RequestFilter(SchoolCode: "SCH-9999")),
            ("a school and a governorate", new RequestFilter(SchoolCode: "SCH-0002", Governorates: ["TUNIS", "SFAX"])),
        ];
        foreach (var (name, filter) in filters)
        {
            var matching = Expected(entries, filter, RequestOrder.Default);
            foreach (var groupBy in groupings)
            {
                var expected = matching
                    .GroupBy(e => string.Join('\u001f', groupBy.Select(d => RequestDimensions.ValueOf(e, d))), StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (g.Key, (long)g.Count()))
                    .ToList();
                var counts = await index.CountAsync(filter, groupBy, Cancel);
                var actual = counts.Groups.Select(g => (string.Join('\u001f', groupBy.Select(d => g.Key[d])), g.Count)).ToList();
                Assert.True(expected.SequenceEqual(actual), $"{name} by {string.Join(",", groupBy)}");
            }
        }

        // Not a pupil's: one group, school null; months in Tunis.
        var bySchool = await index.CountAsync(new RequestFilter(), [RequestDimension.School], Cancel);
        Assert.Equal([null, "SCH-0001", "SCH-0002"], bySchool.Groups.Select(g => g.Key[RequestDimension.School]));
        Assert.Equal(entries.Count(e => e.Document?.Pupil is null), bySchool.Groups[0].Count);
        var months = await index.CountAsync(new RequestFilter(), [RequestDimension.SubmittedMonth], Cancel);
        Assert.Equal(["2025-02", "2025-03"], months.Groups.Select(g => g.Key[RequestDimension.SubmittedMonth]));
        Assert.Equal(1, months.Groups[0].Count);
    }

    [Fact]
    public async Task FiguresAreARecountOfTheRequests()
    {
        var index = await CreateIndexAsync();
        var entries = WithHistories(Sample(150), seed: 11);
        await index.ApplyAsync(entries, Cancel);

        IEnumerable<(string, RequestFilter)> filters =
        [
            .. SingleFilters(), ("a school", new RequestFilter(SchoolCode: "SCH-0001")),
            ("nothing", new RequestFilter(SchoolCode: "SCH-9999")),
        ];
        foreach (var (name, filter) in filters)
        {
            var matching = Expected(entries, filter, RequestOrder.Default);
            var figures = await index.FiguresAsync(filter, Cancel);

            Assert.True(matching.Count == figures.Total, $"{name}: total");
            Assert.True(matching.Count(e => e.Status is RequestStatus.Delivered or RequestStatus.Issued or RequestStatus.Referred
                or RequestStatus.Rejected or RequestStatus.Cancelled or RequestStatus.Expired) == figures.Final, $"{name}: final");
            Assert.True(matching.Count(e => e.Status is RequestStatus.Delivered or RequestStatus.Issued) == figures.Completed, $"{name}: completed");
            Assert.True(matching.Count(e => e.Status == RequestStatus.Rejected) == figures.Rejected, $"{name}: rejected");
            Assert.True(matching.Count(e => e.OverdueSince is not null) == figures.Overdue, $"{name}: overdue");

            var completion = matching
                .Select(e => e.Document!.History.FirstOrDefault(h => h.Status is RequestStatus.Delivered or RequestStatus.Issued) is { } done
                    ? (long?)Math.Floor((done.At - e.SubmittedAt).TotalSeconds)
                    : null)
                .OfType<long>().ToList();
            Assert.True(Summary(completion) == figures.TimeToCompletion, $"{name}: time to completion {figures.TimeToCompletion}");

            var stays = matching.SelectMany(e => StatusStays.Of(e.Document!.History))
                .GroupBy(s => s.Status)
                .OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
                .Select(g => new StatusDurationSummary(g.Key, Summary([.. g.Select(s => s.Seconds)])))
                .ToList();
            Assert.True(stays.SequenceEqual(figures.TimeInStatus), $"{name}: time in status");
        }

        // The same figures when every event is applied twice.
        await index.ApplyAsync(entries, Cancel);
        var again = await index.FiguresAsync(new RequestFilter(), Cancel);
        Assert.Equal(entries.Count, again.Total);
    }

    /// <summary>Nearest rank, by hand: the value at rank ceil(p·n), 1-based.</summary>
    private static DurationSummary Summary(List<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0
            ? DurationSummary.Empty
            : new DurationSummary(sorted.Count, sorted[(int)Math.Ceiling(0.5 * sorted.Count) - 1], sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1]);
    }

    /// <summary>
    /// The entries with documents whose histories walk the pathway to the entry's status (a random status each, finals
    /// included), minutes to days apart, sometimes a step that keeps the status; a third are pupils of two schools.
    /// </summary>
    private static List<RequestIndexEntry> WithHistories(List<RequestIndexEntry> entries, int seed)
    {
        var random = new Random(seed);
        RequestStatus[] card =
        [
            RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.AwaitingPayment, RequestStatus.Paid, RequestStatus.AppointmentBooked,
            RequestStatus.BiometricsCaptured, RequestStatus.InProduction, RequestStatus.ReadyForDelivery, RequestStatus.Delivered,
        ];
        RequestStatus[] extract = [RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.AwaitingPayment, RequestStatus.Paid, RequestStatus.RecordCheck, RequestStatus.Issued];
        RequestStatus[] endings = [RequestStatus.Rejected, RequestStatus.Cancelled, RequestStatus.Expired, RequestStatus.Referred];
        return entries.Select(entry =>
        {
            var path = entry.Kind == RequestKind.NationalIdCard ? card : extract;
            var steps = random.Next(5) == 0
                ? [.. path.Take(random.Next(1, 4)), endings[random.Next(endings.Length)]]
                : path.Take(random.Next(1, path.Length + 1)).ToList();
            var at = entry.SubmittedAt;
            var history = new List<HistoryEntry>();
            foreach (var status in steps)
            {
                var repeats = random.Next(6) == 0 ? 2 : 1;
                for (var r = 0; r < repeats; r++)
                {
                    history.Add(new HistoryEntry(history.Count + 1, status, at, "AGENT:agent-1", null, null));
                    at = at.AddMinutes(random.Next(1, 60 * 24 * 3)).AddSeconds(random.Next(60)).AddTicks(random.Next(10_000_000));
                }
            }

            var school = random.Next(3) switch { 0 => "SCH-0001", 1 => "SCH-0002", _ => null };
            var shaped = entry with { Status = steps[^1], Version = history.Count, UpdatedAt = history[^1].At, IsPupil = school is not null };
            return shaped with
            {
                Document = DocumentOf(shaped) with
                {
                    History = history,
                    Pupil = school is null ? null : new PupilEnrolment(school, "مدرسة " + school, "6"),
                },
            };
        }).ToList();
    }

    private static async Task<List<RequestIndexEntry>> AllAsync(IRequestIndex index) =>
        [.. (await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), RequestOrder.Default, First: 1000), Cancel)).Items];

    private static IEnumerable<(string Name, RequestFilter Filter)> SingleFilters()
    {
        yield return ("no filter", new RequestFilter());
        yield return ("empty lists mean any", new RequestFilter(Kinds: [], Statuses: [], Governorates: [], CenterIds: []));
        yield return ("kind", new RequestFilter(Kinds: [RequestKind.CriminalRecordExtract]));
        yield return ("both kinds", new RequestFilter(Kinds: [RequestKind.CriminalRecordExtract, RequestKind.NationalIdCard]));
        yield return ("one status", new RequestFilter(Statuses: [RequestStatus.Paid]));
        yield return ("two statuses", new RequestFilter(Statuses: [RequestStatus.Submitted, RequestStatus.Delivered]));
        yield return ("absent status", new RequestFilter(Statuses: [RequestStatus.Expired]));
        yield return ("governorate", new RequestFilter(Governorates: ["SOUSSE"]));
        yield return ("governorates", new RequestFilter(Governorates: ["TUNIS", "GABES"]));
        yield return ("center", new RequestFilter(CenterIds: ["C-04"]));
        yield return ("centers", new RequestFilter(CenterIds: ["C-01", "C-05"]));
        yield return ("owner", new RequestFilter(OwnerSubject: "citizen-c"));
        yield return ("owner at an issuer", new RequestFilter(OwnerSubject: "citizen-c", OwnerIssuer: "https://citizens.example.tn"));
        yield return ("owner at the legacy issuer", new RequestFilter(OwnerSubject: "citizen-c", OwnerIssuer: RequestAccess.LegacyIssuer));
        yield return ("owner or their walk-ins", new RequestFilter(OwnerSubject: "citizen-b", OwnerIssuer: "https://citizens.example.tn", OwnerNationalIdNumber: "04567812"));
        yield return ("walk-ins by national ID", new RequestFilter(OwnerNationalIdNumber: "04567812"));
        yield return ("submitted from (inclusive)", new RequestFilter(SubmittedFrom: Epoch.AddMinutes(20)));
        yield return ("submitted before (exclusive)", new RequestFilter(SubmittedBefore: Epoch.AddMinutes(20)));
        yield return ("from another offset", new RequestFilter(SubmittedFrom: Epoch.AddMinutes(20).ToOffset(TimeSpan.FromHours(1))));
        yield return ("pupils", new RequestFilter(IsPupil: true));
        yield return ("not pupils", new RequestFilter(IsPupil: false));
        yield return ("overdue", new RequestFilter(Overdue: true));
        yield return ("not overdue", new RequestFilter(Overdue: false));
        yield return ("escalated", new RequestFilter(Escalated: true));
        yield return ("overdue, not escalated, in a center", new RequestFilter(CenterIds: ["C-02"], Overdue: true, Escalated: false));
    }

    /// <summary>
    /// 120-ish entries with many ties: three requests share each submission instant and four each update instant,
    /// and instants carry odd ticks so that the 100 ns precision of the contract is exercised.
    /// </summary>
    private static List<RequestIndexEntry> Sample(int count)
    {
        var random = new Random(4242);
        return Enumerable.Range(0, count).Select(i =>
        {
            var submitted = Epoch.AddMinutes(i / 3).AddTicks(i % 3 == 0 ? 0 : 7);

            // Every other request has a due date, every third of those is overdue (ties: four share each instant), every
            // second overdue one is escalated: the stuck order has ties, both groups, and requests that are not stuck.
            DateTimeOffset? due = i % 2 == 0 ? Epoch.AddDays(2).AddMinutes(i / 24).AddTicks(11).ToOffset(TimeSpan.FromHours(1)) : null;
            var overdue = i % 6 == 0 ? due : null;
            return new RequestIndexEntry(
                Id: Guid.NewGuid(),
                Reference: $"REQ-{random.Next(100_000, 999_999)}-{i:D3}",
                Kind: i % 4 == 0 ? RequestKind.CriminalRecordExtract : RequestKind.NationalIdCard,
                Status: SomeStatuses[random.Next(SomeStatuses.Length)],
                CenterId: CenterCodes[random.Next(CenterCodes.Length)],
                Governorate: GovernorateCodes[random.Next(GovernorateCodes.Length)],
                OwnerSubject: Owners[random.Next(Owners.Length)],
                SubmittedAt: random.Next(2) == 0 ? submitted : submitted.ToOffset(TimeSpan.FromHours(1)),
                UpdatedAt: Epoch.AddHours(1).AddMinutes(i % 30).AddTicks(13),
                Version: random.Next(1, 9),
                IsPupil: random.Next(3) == 0,
                DueAt: due,
                OverdueSince: overdue,
                EscalatedAt: i % 12 == 0 ? overdue!.Value.AddDays(7).AddTicks(3) : null,
                OwnerIssuer: OwnerIssuers[i % OwnerIssuers.Length],
                OwnerNationalIdNumber: i % 5 == 0 ? "04567812" : i % 5 == 1 ? "07654321" : null);
        }).ToList();
    }

    /// <summary>The empty issuer of older rows, its normalised name, and another issuer: the owner filter tells them apart.</summary>
    private static readonly string[] OwnerIssuers = ["", RequestAccess.LegacyIssuer, "https://citizens.example.tn"];

    private static bool OwnerMatches(RequestFilter filter, RequestIndexEntry e)
    {
        if (filter.OwnerSubject is null && filter.OwnerNationalIdNumber is null)
        {
            return true;
        }

        return (filter.OwnerSubject == e.OwnerSubject && (filter.OwnerIssuer is null || IssuerOf(filter.OwnerIssuer) == IssuerOf(e.OwnerIssuer)))
            || (filter.OwnerNationalIdNumber is not null && filter.OwnerNationalIdNumber == e.OwnerNationalIdNumber);
    }

    // The model's own reading of the legacy rule: an empty issuer is the development issuer of older releases.
    private static string IssuerOf(string issuer) => issuer.Length == 0 ? RequestAccess.LegacyIssuer : issuer;

    /// <summary>The contract as a model: filters ANDed, sort key ordinal then id (as PostgreSQL orders uuids: by text).</summary>
    private static List<RequestIndexEntry> Expected(IEnumerable<RequestIndexEntry> entries, RequestFilter filter, RequestOrder order)
    {
        var matching = entries.Where(e =>
            (filter.Kinds is not { Count: > 0 } || filter.Kinds.Contains(e.Kind))
            && (filter.Statuses is not { Count: > 0 } || filter.Statuses.Contains(e.Status))
            && (filter.Governorates is not { Count: > 0 } || filter.Governorates.Contains(e.Governorate))
            && (filter.CenterIds is not { Count: > 0 } || filter.CenterIds.Contains(e.CenterId))
            && OwnerMatches(filter, e)
            && (filter.SubmittedFrom is null || e.SubmittedAt.UtcTicks >= filter.SubmittedFrom.Value.UtcTicks)
            && (filter.SubmittedBefore is null || e.SubmittedAt.UtcTicks < filter.SubmittedBefore.Value.UtcTicks)
            && (filter.IsPupil is null || filter.IsPupil == e.IsPupil)
            && (filter.Overdue is null || filter.Overdue == e.OverdueSince.HasValue)
            && (filter.Escalated is null || filter.Escalated == e.EscalatedAt.HasValue)
            && (filter.SchoolCode is null || filter.SchoolCode == e.Document?.Pupil?.SchoolCode));
        var sorted = order.Descending
            ? matching.OrderByDescending(order.KeyOf, StringComparer.Ordinal).ThenByDescending(e => e.Id.ToString("D"), StringComparer.Ordinal)
            : matching.OrderBy(order.KeyOf, StringComparer.Ordinal).ThenBy(e => e.Id.ToString("D"), StringComparer.Ordinal);
        return [.. sorted];
    }

    /// <summary>A request view that agrees with the entry, every optional part filled, as its grain would return it.</summary>
    private static CitizenRequestView DocumentOf(RequestIndexEntry entry) => new(
        entry.Id, entry.Reference, entry.Kind, entry.Status, entry.SubmittedAt, entry.UpdatedAt, entry.CenterId, entry.Governorate,
        entry.OwnerSubject,
        new Applicant("أمينة", "Ben Salah", new DateOnly(2011, 2, 3), "Tunis", null, "Amina", "Ben Salah"),
        IdCardReason.FirstIssue,
        entry.IsPupil ? new PupilEnrolment("SCH-0042", "École \"Ibn Khaldoun\"", "6") : null,
        new Guardian("Salah Ben Salah", "01234567", "father", ConsentGiven: true),
        new ContactPoint("amina@example.tn", "+216 20 000 000", "ar"),
        Purpose: null,
        new PaymentRecord("CASH-0001", 3000, entry.UpdatedAt.ToOffset(TimeSpan.FromHours(1)), "AGENT:agent-1"),
        new Appointment(entry.CenterId, entry.UpdatedAt.AddDays(3)),
        DeliveryChannel.Center,
        DocumentCode: null,
        entry.Version,
        [
            new HistoryEntry(1, RequestStatus.Submitted, entry.SubmittedAt, "CITIZEN:" + entry.OwnerSubject, null, null),
            new HistoryEntry(entry.Version, entry.Status, entry.UpdatedAt, "AGENT:agent-1", "documents checked", RequestAction.StartVerification),
        ]);

    private static KeysetCursor Cursor(RequestOrder order, RequestIndexEntry entry) => new(order.KeyOf(entry), entry.Id);

    private static List<Guid> Ids(IEnumerable<RequestIndexEntry> entries) => [.. entries.Select(e => e.Id)];
}
