using Actors.Contracts.ReadModels;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;

namespace Actors.Contracts.Campaigns;

/// <summary>
/// Finds a school's pupils' cards that are READY_FOR_DELIVERY in the request read model, within a scope (a center, a
/// governorate, or all). The read model only points at them: the round grain checks each card on its request.
/// </summary>
public static class SchoolDeliveryCandidates
{
    /// <summary>More cards than a round takes are never listed; a round is what one agent carries to one school.</summary>
    public const int MaxCards = 1000;

    private const int PageSize = 250;

    public static async Task<IReadOnlyList<RequestIndexEntry>> ReadyAsync(
        IRequestIndex index, string schoolCode, string? centerId, string? governorate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        var filter = new RequestFilter(
            Kinds: [RequestKind.NationalIdCard], Statuses: [RequestStatus.ReadyForDelivery],
            Governorates: governorate is null ? null : [governorate], CenterIds: centerId is null ? null : [centerId],
            IsPupil: true, SchoolCode: schoolCode);
        var order = new RequestOrder(RequestSortField.Reference, Descending: false);
        var found = new List<RequestIndexEntry>();
        KeysetCursor? after = null;
        while (found.Count < MaxCards)
        {
            var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(filter, order, First: PageSize, After: after), cancellationToken);
            found.AddRange(page.Items.Where(e => e.Document is not null));
            if (!page.HasNextPage || page.Items.Count == 0)
            {
                break;
            }

            after = new KeysetCursor(order.KeyOf(page.Items[^1]), page.Items[^1].Id);
        }

        return found.Take(MaxCards).ToList();
    }

    public static SchoolDeliveryCandidate Of(RequestIndexEntry entry, Guid? roundId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var document = entry.Document ?? throw new ArgumentException("The entry has no document.", nameof(entry));
        return new SchoolDeliveryCandidate(entry.Id, entry.Reference, document.Applicant?.GivenName ?? "", document.Pupil?.Grade, entry.CenterId, roundId);
    }
}
