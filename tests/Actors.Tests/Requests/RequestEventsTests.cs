using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Events;
using Actors.Contracts.Requests.Index;

namespace Actors.Tests.Requests;

/// <summary>The request events as the outbox stores them, and the index row each consumer builds from them.</summary>
public sealed class RequestEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static CitizenRequestView Request(RequestStatus status, long version) => new(
        Guid.NewGuid(), "CIN-2026-AAAAA-BBBBB", RequestKind.NationalIdCard, status, At.AddDays(-1), At, "TN11-GU1", "TUNIS", "citizen-1",
        RequestDriver.Adult(), IdCardReason.Renewal, new PupilEnrolment("LYC-1", null, null), null, null, null, null, null, null, null, version,
        [new HistoryEntry(1, RequestStatus.Submitted, At.AddDays(-1), "CITIZEN:citizen-1", null, null)]);

    [Fact]
    public void A_status_change_is_stored_under_its_own_name_and_gives_the_row_of_the_request_it_carries()
    {
        var request = Request(RequestStatus.Verifying, 2);
        var changed = new RequestStatusChanged(RequestStatus.Submitted, RequestStatus.Verifying, RequestAction.StartVerification, null, "AGENT:a-1", 2, At, request);
        var stored = OutboxEvent.Of(AggregateTypes.CitizenRequest, request.Id.ToString("D"), changed);
        Assert.Equal("RequestStatusChanged", stored.Type);
        Assert.Equal(2, stored.Version);
        Assert.Contains("\"from\":\"Submitted\"", stored.Payload, StringComparison.Ordinal);
        Assert.Contains(stored.Type, RequestEvents.IndexedTypes);
        var entry = RequestEvents.IndexEntryOf(stored);
        var expected = RequestIndexEntry.From(request);
        Assert.Equal((expected.Id, expected.Reference, expected.Status, expected.CenterId, expected.Governorate, expected.OwnerSubject, expected.UpdatedAt, expected.Version, expected.IsPupil),
            (entry.Id, entry.Reference, entry.Status, entry.CenterId, entry.Governorate, entry.OwnerSubject, entry.UpdatedAt, entry.Version, entry.IsPupil));

        var read = OutboxJson.Deserialize<RequestStatusChanged>(stored.Payload);
        Assert.Equal((changed.From, changed.To, changed.Action, changed.Actor, changed.Version, changed.At), (read.From, read.To, read.Action, read.Actor, read.Version, read.At));
        Assert.Equal(request.Applicant, read.Request.Applicant);
        Assert.Equal(request.History, read.Request.History);
    }

    [Fact]
    public void A_submission_gives_the_row_of_the_submitted_request()
    {
        var request = Request(RequestStatus.Submitted, 1);
        var stored = OutboxEvent.Of(AggregateTypes.CitizenRequest, request.Id.ToString("D"), new RequestSubmitted("CITIZEN:citizen-1", 1, At, request));
        Assert.Equal("RequestSubmitted", stored.Type);
        var entry = RequestEvents.IndexEntryOf(stored);
        Assert.Equal((request.Id, RequestStatus.Submitted, 1L, true), (entry.Id, entry.Status, entry.Version, entry.IsPupil));
    }

    [Fact]
    public void The_previous_releases_CitizenRequestChanged_is_still_read()
    {
        var id = Guid.NewGuid();
        var legacy = new OutboxEvent(AggregateTypes.CitizenRequest, id.ToString("D"), 3, OutboxEventTypes.CitizenRequestChanged,
            $$"""{"id":"{{id}}","reference":"CIN-2026-AAAAA-BBBBB","kind":"NationalIdCard","status":"AwaitingPayment","centerId":"TN11-GU1","governorate":"TUNIS","ownerSubject":"citizen-1","submittedAt":"2026-03-01T09:30:00+00:00","updatedAt":"2026-03-02T09:30:00+00:00","version":3,"isPupil":false}""",
            At);
        Assert.Contains(legacy.Type, RequestEvents.IndexedTypes);
        var entry = RequestEvents.IndexEntryOf(legacy);
        Assert.Equal((id, RequestStatus.AwaitingPayment, 3L, "TN11-GU1"), (entry.Id, entry.Status, entry.Version, entry.CenterId));
    }
}
