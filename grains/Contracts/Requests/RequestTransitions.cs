using Actors.Contracts.Identity;

namespace Actors.Contracts.Requests;

/// <summary>
/// The state machine of both pathways, in one table. The grain enforces it; the API reads it to
/// list each request's available actions. Agents act on their center's requests, supervisors on
/// their governorate's; the citizen who owns a request may only correct, book and cancel.
/// </summary>
public static class RequestTransitions
{
    private static readonly RequestKind[] Card = [RequestKind.NationalIdCard];
    private static readonly RequestKind[] Extract = [RequestKind.CriminalRecordExtract];
    private static readonly RequestKind[] Both = [RequestKind.NationalIdCard, RequestKind.CriminalRecordExtract];
    private static readonly ActorRole[] Desk = [ActorRole.Agent, ActorRole.Supervisor];
    private static readonly ActorRole[] Nobody = [];
    private static readonly ActorRole[] Agent = [ActorRole.Agent];

    // Steps the automatic pathway takes when the outside systems answer; an agent can still take them by hand.
    private static readonly ActorRole[] DeskOrSystem = [ActorRole.Agent, ActorRole.Supervisor, ActorRole.System];

    public static IReadOnlyList<RequestTransition> All { get; } =
    [
        Row(RequestAction.StartVerification, Both, [RequestStatus.Submitted], RequestStatus.Verifying, DeskOrSystem),
        Row(RequestAction.RequestCorrection, Both, [RequestStatus.Verifying], RequestStatus.NeedsCorrection, DeskOrSystem, reason: true),
        Row(RequestAction.SubmitCorrection, Both, [RequestStatus.NeedsCorrection], RequestStatus.Verifying, Nobody, owner: true),
        Row(RequestAction.ConfirmVerification, Both, [RequestStatus.Verifying], RequestStatus.AwaitingPayment, DeskOrSystem),
        Row(RequestAction.RecordPayment, Both, [RequestStatus.AwaitingPayment], RequestStatus.Paid, Desk),
        Row(RequestAction.BookAppointment, Card, [RequestStatus.Paid], RequestStatus.AppointmentBooked, Desk, owner: true),
        Row(RequestAction.RescheduleAppointment, Card, [RequestStatus.AppointmentBooked], RequestStatus.AppointmentBooked, Desk, owner: true),
        Row(RequestAction.CancelAppointment, Card, [RequestStatus.AppointmentBooked], RequestStatus.Paid, Desk, owner: true),

        // Back to booking; the grain expires the request instead once it reaches the configured number of no-shows.
        Row(RequestAction.RecordNoShow, Card, [RequestStatus.AppointmentBooked], RequestStatus.Paid, Agent),
        Row(RequestAction.RecordBiometrics, Card, [RequestStatus.AppointmentBooked], RequestStatus.BiometricsCaptured, Agent),
        Row(RequestAction.StartProduction, Card, [RequestStatus.BiometricsCaptured], RequestStatus.InProduction, Desk),
        Row(RequestAction.MarkReadyForDelivery, Card, [RequestStatus.InProduction], RequestStatus.ReadyForDelivery, Desk),
        Row(RequestAction.ConfirmDelivery, Card, [RequestStatus.ReadyForDelivery], RequestStatus.Delivered, Desk),
        Row(RequestAction.StartRecordCheck, Extract, [RequestStatus.Paid], RequestStatus.RecordCheck, DeskOrSystem),
        Row(RequestAction.IssueExtract, Extract, [RequestStatus.RecordCheck], RequestStatus.Issued, DeskOrSystem),
        Row(RequestAction.ReferRequest, Extract, [RequestStatus.RecordCheck], RequestStatus.Referred, DeskOrSystem, reason: true),
        Row(RequestAction.RejectRequest, Both,
            [RequestStatus.Verifying, RequestStatus.NeedsCorrection, RequestStatus.RecordCheck],
            RequestStatus.Rejected, DeskOrSystem, reason: true),
        Row(RequestAction.CancelRequest, Both,
            [RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.NeedsCorrection, RequestStatus.AwaitingPayment,
             RequestStatus.Paid, RequestStatus.AppointmentBooked, RequestStatus.RecordCheck],
            RequestStatus.Cancelled, Desk, owner: true, reason: true),
        Row(RequestAction.ExpireRequest, Both,
            [RequestStatus.NeedsCorrection, RequestStatus.AwaitingPayment, RequestStatus.Paid, RequestStatus.AppointmentBooked],
            RequestStatus.Expired, [ActorRole.Supervisor, ActorRole.System], reason: true),
    ];

    /// <summary>Final statuses (API.md): a citizen starts a new request after one of them.</summary>
    public static IReadOnlySet<RequestStatus> Final { get; } = new HashSet<RequestStatus>
    {
        RequestStatus.Expired, RequestStatus.Rejected, RequestStatus.Cancelled,
        RequestStatus.Delivered, RequestStatus.Issued, RequestStatus.Referred,
    };

    private static readonly Dictionary<RequestAction, RequestTransition> ByAction = All.ToDictionary(t => t.Action);

    public static bool IsFinal(RequestStatus status) => Final.Contains(status);

    public static RequestTransition For(RequestAction action) => ByAction[action];

    /// <summary>Is this step legal for a request of this kind in this status (whoever asks)?</summary>
    public static bool Allows(RequestAction action, RequestKind kind, RequestStatus status)
    {
        var row = ByAction[action];
        return row.Kinds.Contains(kind) && row.From.Contains(status);
    }

    /// <summary>May this actor take this step on this request (scope included)?</summary>
    public static bool MayAct(RequestTransition row, Actor actor, RequestOwner owner, string centerId, string governorate) =>
        (row.OwnerMayAct && actor.Role == ActorRole.Citizen && RequestAccess.IsOwner(actor, owner))
        || (row.Roles.Contains(actor.Role) && RequestAccess.IsInScope(actor, owner, centerId, governorate)
            && actor.Role != ActorRole.Citizen);

    /// <summary>The steps this actor can take now, in table order.</summary>
    public static IReadOnlyList<RequestAction> AvailableFor(CitizenRequestView request, Actor actor) =>
        All.Where(t => t.Kinds.Contains(request.Kind) && t.From.Contains(request.Status)
                       && MayAct(t, actor, RequestOwner.Of(request), request.CenterId, request.Governorate))
           .Select(t => t.Action)
           .ToList();

    private static RequestTransition Row(
        RequestAction action, RequestKind[] kinds, RequestStatus[] from, RequestStatus to, ActorRole[] roles,
        bool owner = false, bool reason = false) =>
        new(action, kinds.ToHashSet(), from.ToHashSet(), to, roles.ToHashSet(), owner, reason);
}
