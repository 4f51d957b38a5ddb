namespace Actors.Contracts.ReadModels;

/// <summary>The order of a keyset list: one sort key, ties broken by id in the same direction.</summary>
public interface ISortOrder
{
    bool Descending { get; }

    /// <summary>What the sort key's text holds, so that a cursor can be checked before it reaches a query.</summary>
    SortKeyKind KeyKind { get; }
}
