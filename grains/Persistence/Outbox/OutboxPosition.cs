namespace Actors.Persistence.Outbox;

/// <summary>
/// Where an outbox row stands in commit order: its transaction's id (xid8), then its seq. A checkpoint is the position
/// of the last row its consumer moved past.
/// </summary>
public readonly record struct OutboxPosition(ulong Tx, long Seq) : IComparable<OutboxPosition>
{
    /// <inheritdoc />
    public int CompareTo(OutboxPosition other) => Tx != other.Tx ? Tx.CompareTo(other.Tx) : Seq.CompareTo(other.Seq);
}
