namespace Actors.Contracts.ReadModels;

/// <summary>
/// An order of a keyset list: one of the list's sort fields (<typeparamref name="TField"/>), ties broken by id in the
/// same direction, so pages are stable. Each list's order says what each of its fields sorts by.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record KeysetOrder<TField, TEntry>(
    [property: Id(0)] TField Field,
    [property: Id(1)] bool Descending) : IKeysetOrder<TEntry>
    where TField : struct, Enum
{
    /// <inheritdoc />
    public SortKeyKind KeyKind => Sort(Field).Kind;

    /// <inheritdoc />
    public string KeyOf(TEntry entry) => Sort(Field).KeyOf(entry);

    /// <summary>What a field sorts by.</summary>
    protected abstract SortField<TEntry> Sort(TField field);
}
