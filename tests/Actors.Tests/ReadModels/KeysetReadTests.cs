using Actors.Contracts.ReadModels;

namespace Actors.Tests.ReadModels;

/// <summary>
/// The read-model kernel on its own: the one check of page sizes and cursors, and how a keyset window becomes a
/// page (the in-memory indexes and the API's in-memory lists page through it; the PostgreSQL index completes its
/// pages with it). The contract tests run the same rules through each index.
/// </summary>
public sealed class KeysetReadTests
{
    // Ten items 0..9 in the list's order.
    private static readonly List<int> Items = [.. Enumerable.Range(0, 10)];

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(0, null, null)]
    [InlineData(null, 50, null)]
    [InlineData(1, 1, "first")]
    [InlineData(-1, null, "first")]
    [InlineData(null, -1, "last")]
    [InlineData(51, null, "first")]
    [InlineData(null, 51, "last")]
    public void Sizes_are_checked_once_for_every_list(int? first, int? last, string? fault)
    {
        Assert.Equal(fault, KeysetRead.Problem(first, last, maxSize: 50)?.Argument);
    }

    [Fact]
    public void Without_a_maximum_only_both_or_negative_sizes_fail()
    {
        Assert.Null(KeysetRead.Problem(10_000, null));
        Assert.Equal("Use first (with after) or last (with before), not both.", KeysetRead.Problem(1, 2)?.Message);
        Assert.Equal("last", Assert.Throws<ArgumentException>(() => KeysetRead.Of(null, -1)).ParamName);
        Assert.Equal(new KeysetRead(7, Backward: true), KeysetRead.Of(null, 7));
        Assert.Equal(new KeysetRead(null, Backward: false), KeysetRead.Of(null, null));
    }

    [Theory]
    [InlineData(SortKeyKind.Number, "0000000000000000042", true)]
    [InlineData(SortKeyKind.Number, "000000000000000042", false)]
    [InlineData(SortKeyKind.Number, "00000000000000000042", false)]
    [InlineData(SortKeyKind.Number, "-000000000000000042", false)]
    [InlineData(SortKeyKind.Number, "00000000000000000x2", false)]
    [InlineData(SortKeyKind.Number, "", false)]
    [InlineData(SortKeyKind.Text, "", true)]
    [InlineData(SortKeyKind.Text, "TN-11|x", true)]
    public void Cursors_are_checked_against_the_kind_of_key_of_the_order(SortKeyKind kind, string key, bool fits)
    {
        var query = new KeysetQuery<string, TestOrder>("any", new TestOrder(kind), First: 1, After: new KeysetCursor(key, Guid.Empty));
        var before = query with { First = null, After = null, Last = 1, Before = new KeysetCursor(key, Guid.Empty) };

        Assert.Equal(fits, SortKeys.Fits(kind, key));
        if (fits)
        {
            Assert.Equal(new KeysetRead(1, false), query.Validate());
            Assert.Equal(new KeysetRead(1, true), before.Validate());
        }
        else
        {
            Assert.Equal("after", Assert.Throws<ArgumentException>(() => query.Validate()).ParamName);
            Assert.Equal("before", Assert.Throws<ArgumentException>(() => before.Validate()).ParamName);
        }
    }

    [Fact]
    public void Number_keys_sort_ordinally_like_their_numbers()
    {
        var random = new Random(7);
        var numbers = Enumerable.Range(0, 500).Select(_ => random.NextInt64(0, long.MaxValue)).Append(0).Append(long.MaxValue).ToList();

        var byKey = numbers.OrderBy(SortKeys.Of, StringComparer.Ordinal).ToList();

        Assert.Equal(numbers.Order(), byKey);
        Assert.All(numbers, n => Assert.Equal(n, SortKeys.ToNumber(SortKeys.Of(n))));
        Assert.Equal(SortKeys.Of(DateTimeOffset.UnixEpoch.UtcTicks), SortKeys.Of(DateTimeOffset.UnixEpoch.ToOffset(TimeSpan.FromHours(1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => SortKeys.Of(-1));
        Assert.Throws<ArgumentException>(() => SortKeys.ToNumber("12"));
    }

    [Theory]
    // first, after, last, before → items, hasNext, hasPrevious
    [InlineData(3, null, null, null, "0,1,2", true, false)]
    [InlineData(3, 2, null, null, "3,4,5", true, true)]
    [InlineData(3, 6, null, null, "7,8,9", false, true)]
    [InlineData(20, null, null, null, "0,1,2,3,4,5,6,7,8,9", false, false)]
    [InlineData(0, null, null, null, "", true, false)]
    [InlineData(null, null, 3, null, "7,8,9", false, true)]
    [InlineData(null, null, 3, 7, "4,5,6", true, true)]
    [InlineData(null, null, 3, 2, "0,1", true, false)]
    [InlineData(null, null, 0, null, "", false, true)]
    [InlineData(10, 2, null, 6, "3,4,5", true, true)]
    [InlineData(null, 2, 2, 6, "4,5", true, true)]
    [InlineData(null, 9, null, null, "", false, true)]
    public void A_window_between_cursors_becomes_a_page_with_its_flags(
        int? first, int? after, int? last, int? before, string items, bool hasNext, bool hasPrevious)
    {
        var read = first is null && last is null ? new KeysetRead(null, false) : KeysetRead.Of(first, last);
        var asOf = DateTimeOffset.UnixEpoch;

        var page = read.Page(Items, after is { } a ? i => i > a : null, before is { } b ? i => i < b : null, asOf);

        Assert.Equal(items, string.Join(',', page.Items));
        Assert.Equal(hasNext, page.HasNextPage);
        Assert.Equal(hasPrevious, page.HasPreviousPage);
        Assert.Equal(10, page.TotalCount);
        Assert.Equal(asOf, page.AsOf);
    }

    [Fact]
    public void Completing_a_backward_read_puts_it_back_in_the_lists_order()
    {
        // Read backwards from the end with one row more than the page: 9, 8, 7, 6.
        var page = new KeysetRead(3, Backward: true).Complete([9, 8, 7, 6], 10, DateTimeOffset.UnixEpoch, false, false);

        Assert.Equal([7, 8, 9], page.Items);
        Assert.True(page.HasPreviousPage);
        Assert.False(page.HasNextPage);
    }

    private sealed record TestOrder(SortKeyKind KeyKind) : IKeysetOrder<int>
    {
        public bool Descending => false;

        public string KeyOf(int entry) => SortKeys.Of(entry);
    }
}
