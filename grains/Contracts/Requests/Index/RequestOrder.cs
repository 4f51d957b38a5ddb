using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Requests.Index;

[GenerateSerializer, Immutable]
public sealed record RequestOrder(RequestSortField Field, bool Descending)
    : KeysetOrder<RequestSortField, RequestIndexEntry>(Field, Descending)
{
    public static RequestOrder Default { get; } = new(RequestSortField.SubmittedAt, Descending: true);

    public static RequestOrder Stuck { get; } = new(RequestSortField.Stuck, Descending: false);

    protected override SortField<RequestIndexEntry> Sort(RequestSortField field) => field switch
    {
        RequestSortField.SubmittedAt => SortField<RequestIndexEntry>.Instant(e => e.SubmittedAt),
        RequestSortField.UpdatedAt => SortField<RequestIndexEntry>.Instant(e => e.UpdatedAt),
        RequestSortField.Reference => SortField<RequestIndexEntry>.Text(e => e.Reference),
        RequestSortField.Stuck => SortField<RequestIndexEntry>.Number(e => e.StuckRank),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown sort field."),
    };
}
