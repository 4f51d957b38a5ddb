using Actors.Contracts.Identity;
using Actors.Contracts.Requests;

namespace Actors.Demo;

/// <summary>
/// The request a plan entry leaves, as its grain would show it after the planned steps: what bulk mode writes into the
/// index, through the same entry (RequestIndexEntry.From) and columns as the outbox consumer. What the real run adds on
/// the way (payment records, the appointment, notices, service-level dates, versions of steps that keep the status)
/// is not invented here: the figures are read from kind, status, place, submission and the history's statuses and times.
/// </summary>
public static class PlannedViews
{
    public static CitizenRequestView Of(PlannedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var history = new List<HistoryEntry>(request.Steps.Count + 1)
        {
            new(1, RequestStatus.Submitted, request.SubmittedAt, DemoActors.Owner(request).Describe(), null, null),
        };
        foreach (var step in request.Steps)
        {
            history.Add(new HistoryEntry(history.Count + 1, step.To, step.At, ActorOf(request, step.Action).Describe(), "demo data", step.Action));
        }

        var last = history[^1];
        var id = request.Id; // a SHA-256 each time it is read: a fifth of the bulk load's CPU when read twice
        return new CitizenRequestView(
            id, RequestKeys.ReferenceFor(id, request.Kind, request.SubmittedAt), request.Kind, last.Status,
            request.SubmittedAt, last.At, request.CenterId, request.Governorate, request.OwnerSubject, DemoPeople.Applicant(request),
            request.Kind == RequestKind.NationalIdCard ? (request.IsPupil ? IdCardReason.FirstIssue : IdCardReason.Renewal) : null,
            DemoPeople.Pupil(request), DemoPeople.Guardian(request), DemoPeople.Contact(request),
            request.Kind == RequestKind.CriminalRecordExtract ? "Employment" : null,
            Payment: null, Appointment: null,
            DeliveryChannel: request.IsPupil ? DeliveryChannel.School : null, DocumentCode: null,
            Version: last.Version, History: history, OwnerNationalIdNumber: DemoActors.OwnerNationalIdNumber(request));
    }

    private static Actor ActorOf(PlannedRequest request, RequestAction action) => action switch
    {
        RequestAction.SubmitCorrection or RequestAction.CancelRequest or RequestAction.BookAppointment => DemoActors.Owner(request),
        RequestAction.ExpireRequest => DemoActors.System,
        _ => DemoActors.Agent(request),
    };
}
