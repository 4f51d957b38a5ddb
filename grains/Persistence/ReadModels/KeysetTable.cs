using Actors.Contracts.ReadModels;
using Npgsql;

namespace Actors.Persistence.ReadModels;

/// <summary>
/// How one read model's table maps to its entries, for <see cref="PostgresKeysetIndex{TEntry, TFilter, TOrder, TTable}"/>.
/// Every such table has a uuid primary key <c>id</c> and a bigint <c>version</c>; sort columns hold the same values
/// as the order's sort keys (numbers as bigint, text in the "C" collation) and have an index on (column, id).
/// </summary>
public abstract class KeysetTable<TEntry, TFilter, TOrder>
    where TEntry : IIndexEntry
    where TOrder : IKeysetOrder<TEntry>
{
    public abstract string Name { get; }

    /// <summary>
    /// The outbox consumer that feeds the table (its checkpoint's key, so never renamed); its checkpoint dates the
    /// answers (<c>asOf</c>).
    /// </summary>
    public abstract string Consumer { get; }

    /// <summary>
    /// Whether a row never changes once written (a log): the first entry of an id is kept (<c>ON CONFLICT DO
    /// NOTHING</c>) instead of the highest version.
    /// </summary>
    public virtual bool AppendOnly => false;

    /// <summary>
    /// Whether an outbox consumer feeds the table (its checkpoint dates the answers); a table written directly, such as
    /// the audit trail, is current as it is read.
    /// </summary>
    public virtual bool FedByOutbox => true;

    /// <summary>The columns an upsert writes, <c>id</c> and <c>version</c> among them.</summary>
    public abstract IReadOnlyList<IndexColumn<TEntry>> Columns { get; }

    /// <summary>The columns a page reads, in the order <see cref="Read"/> expects them.</summary>
    public abstract string Selected { get; }

    /// <summary>
    /// <see cref="Selected"/> for a query <see cref="KeysetQuery{TFilter, TOrder}.WithoutDocuments"/>: the same columns in
    /// the same order, a table's document column replaced by NULL so that PostgreSQL neither detoasts nor prints it.
    /// </summary>
    public virtual string SelectedWithoutDocuments => Selected;

    public abstract TEntry Read(NpgsqlDataReader reader);

    /// <summary>Appends the filter as one boolean expression (<c>TRUE</c> for none).</summary>
    public abstract void AppendFilter(SqlText sql, TFilter filter);

    /// <summary>The column that holds the order's sort key.</summary>
    public abstract string SortColumn(TOrder order);

    /// <summary>
    /// The listed columns to read a page of this filter and order by, one ordered index walk per combination of their
    /// values, each stopping after a page, the walks then merged; null (the default) reads the page as one query.
    /// A table returns columns only where an index on (those columns, sort column, id) exists and nothing else in the
    /// filter is more selective: a list of values on a column before the sort column keeps PostgreSQL from reading one
    /// index in the sort's order (it sorts every matching row, or walks the sort's index and filters, which reads
    /// most of the table when the newest rows do not match). <c>Remaining</c> is the filter without the walked lists (each
    /// walk's equalities replace them: kept, they would make the planner count each condition twice).
    /// </summary>
    public virtual (IReadOnlyList<ListedValues> Walks, TFilter Remaining)? WalksFor(TFilter filter, TOrder order) => null;
}
