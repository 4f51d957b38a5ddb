using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Requests.Index;

/// <summary>
/// What the request index keeps of a request: the columns to filter, sort and count by, and the request's
/// <see cref="Document"/> (the view its grain returns, personal data included), so that a page of requests is served
/// without a call per request. Applying an entry is idempotent: the highest Version wins.
/// </summary>
/// <param name="Document">The request as of <see cref="Version"/>; null in rows written before the index held documents.</param>
[GenerateSerializer, Immutable]
public sealed record RequestIndexEntry(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Reference,
    [property: Id(2)] RequestKind Kind,
    [property: Id(3)] RequestStatus Status,
    [property: Id(4)] string CenterId,
    [property: Id(5)] string Governorate,
    [property: Id(6)] string OwnerSubject,
    [property: Id(7)] DateTimeOffset SubmittedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] long Version,
    [property: Id(10)] bool IsPupil,
    [property: Id(11)] CitizenRequestView? Document = null,
    [property: Id(12)] DateTimeOffset? DueAt = null,
    [property: Id(13)] DateTimeOffset? OverdueSince = null,
    [property: Id(14)] DateTimeOffset? EscalatedAt = null,
    [property: Id(15)] string OwnerIssuer = "",
    [property: Id(16)] string? OwnerNationalIdNumber = null) : IIndexEntry
{
    /// <summary>
    /// What <c>stuckRequests</c> sorts by, ascending: escalated requests first, then the rest, each by oldest
    /// <see cref="OverdueSince"/>; requests that are not overdue last. One non-negative number, so that the keyset
    /// kernel pages it like any other field.
    /// </summary>
    public long StuckRank => OverdueSince is not { } since
        ? long.MaxValue
        : since.UtcTicks + (EscalatedAt is null ? NotEscalatedOffset : 0);

    /// <summary>The pupil's school code, from the document; null for requests that are not a pupil's (or rows without a document).</summary>
    public string? SchoolCode => Document?.Pupil?.SchoolCode;

    /// <summary>Whole seconds from submission to DELIVERED or ISSUED (see <see cref="StatusStays"/>); null until then.</summary>
    public long? CompletionSeconds => StatusStays.CompletionSeconds(SubmittedAt, Document?.History);

    /// <summary>How long the request stayed in each status it has left, from the document's history.</summary>
    public IReadOnlyList<StatusStay> Stays => StatusStays.Of(Document?.History);

    // Larger than any instant's ticks: every escalated rank sorts before every other.
    private const long NotEscalatedOffset = 3_155_378_976_000_000_000;

    public static RequestIndexEntry From(CitizenRequestView view) => new(
        view.Id, view.Reference, view.Kind, view.Status, view.CenterId, view.Governorate, view.OwnerSubject,
        view.SubmittedAt, view.UpdatedAt, view.Version, view.Pupil is not null, view, view.DueAt, view.OverdueSince, view.EscalatedAt,
        view.OwnerIssuer, view.OwnerNationalIdNumber);
}
