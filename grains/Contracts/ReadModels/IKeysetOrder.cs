namespace Actors.Contracts.ReadModels;

/// <summary>An order of a list of <typeparamref name="TEntry"/>: the sort key of each entry, as ordinal text.</summary>
public interface IKeysetOrder<in TEntry> : ISortOrder
{
    /// <summary>The entry's sort key; ordinal order of the keys is the list's order (<see cref="SortKeys"/>).</summary>
    string KeyOf(TEntry entry);
}
