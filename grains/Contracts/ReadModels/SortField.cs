namespace Actors.Contracts.ReadModels;

/// <summary>One field a list can be sorted by: the kind of its sort key and how an entry's key is written.</summary>
public sealed record SortField<TEntry>(SortKeyKind Kind, Func<TEntry, string> KeyOf)
{
    public static SortField<TEntry> Instant(Func<TEntry, DateTimeOffset> value) => new(SortKeyKind.Number, e => SortKeys.Of(value(e)));

    public static SortField<TEntry> Number(Func<TEntry, long> value) => new(SortKeyKind.Number, e => SortKeys.Of(value(e)));

    public static SortField<TEntry> Text(Func<TEntry, string> value) => new(SortKeyKind.Text, value);
}
