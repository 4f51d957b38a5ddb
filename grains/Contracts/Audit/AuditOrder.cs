using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Audit;

[GenerateSerializer, Immutable]
public sealed record AuditOrder(AuditSortField Field, bool Descending)
    : KeysetOrder<AuditSortField, AuditEntry>(Field, Descending)
{
    /// <summary>The newest entries first.</summary>
    public static AuditOrder Default { get; } = new(AuditSortField.Sequence, Descending: true);

    protected override SortField<AuditEntry> Sort(AuditSortField field) => field switch
    {
        AuditSortField.Sequence => SortField<AuditEntry>.Number(e => e.Sequence),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown sort field."),
    };
}
