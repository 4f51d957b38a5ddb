using Actors.Contracts.Requests;

namespace Actors.Tests.Requests;

/// <summary>
/// The requests' state machine as the tests expect it, written out by hand from the pathways in the README and API.md,
/// not read from <c>RequestTransitions</c>: a change to the production table that this file does not repeat fails the
/// transition tests.
/// </summary>
public static class ExpectedRequestSteps
{
    private static readonly RequestKind[] Card = [RequestKind.NationalIdCard];
    private static readonly RequestKind[] Bulletin = [RequestKind.CriminalRecordExtract];
    private static readonly RequestKind[] Both = [RequestKind.NationalIdCard, RequestKind.CriminalRecordExtract];
    private static readonly StepTaker[] Desk = [StepTaker.Agent, StepTaker.Supervisor];

    // The automatic pathway takes these when the outside systems answer (issue 9); agents still can.
    private static readonly StepTaker[] DeskOrSystem = [StepTaker.Agent, StepTaker.Supervisor, StepTaker.System];

    public static IReadOnlyList<ExpectedStep> All { get; } =
    [
        new(RequestAction.StartVerification, Both, [RequestStatus.Submitted], RequestStatus.Verifying, DeskOrSystem),
        new(RequestAction.RequestCorrection, Both, [RequestStatus.Verifying], RequestStatus.NeedsCorrection, DeskOrSystem),
        new(RequestAction.SubmitCorrection, Both, [RequestStatus.NeedsCorrection], RequestStatus.Verifying, [StepTaker.Owner]),
        new(RequestAction.ConfirmVerification, Both, [RequestStatus.Verifying], RequestStatus.AwaitingPayment, DeskOrSystem),
        new(RequestAction.RecordPayment, Both, [RequestStatus.AwaitingPayment], RequestStatus.Paid, Desk),
        new(RequestAction.BookAppointment, Card, [RequestStatus.Paid], RequestStatus.AppointmentBooked, [StepTaker.Agent, StepTaker.Supervisor, StepTaker.Owner]),
        new(RequestAction.RescheduleAppointment, Card, [RequestStatus.AppointmentBooked], RequestStatus.AppointmentBooked, [StepTaker.Agent, StepTaker.Supervisor, StepTaker.Owner]),
        new(RequestAction.CancelAppointment, Card, [RequestStatus.AppointmentBooked], RequestStatus.Paid, [StepTaker.Agent, StepTaker.Supervisor, StepTaker.Owner]),
        new(RequestAction.RecordNoShow, Card, [RequestStatus.AppointmentBooked], RequestStatus.Paid, [StepTaker.Agent]),
        new(RequestAction.RecordBiometrics, Card, [RequestStatus.AppointmentBooked], RequestStatus.BiometricsCaptured, [StepTaker.Agent]),
        new(RequestAction.StartProduction, Card, [RequestStatus.BiometricsCaptured], RequestStatus.InProduction, Desk),
        new(RequestAction.MarkReadyForDelivery, Card, [RequestStatus.InProduction], RequestStatus.ReadyForDelivery, Desk),
        new(RequestAction.ConfirmDelivery, Card, [RequestStatus.ReadyForDelivery], RequestStatus.Delivered, Desk),
        new(RequestAction.StartRecordCheck, Bulletin, [RequestStatus.Paid], RequestStatus.RecordCheck, DeskOrSystem),
        new(RequestAction.IssueExtract, Bulletin, [RequestStatus.RecordCheck], RequestStatus.Issued, DeskOrSystem),
        new(RequestAction.ReferRequest, Bulletin, [RequestStatus.RecordCheck], RequestStatus.Referred, DeskOrSystem),
        new(RequestAction.RejectRequest, Both, [RequestStatus.Verifying, RequestStatus.NeedsCorrection, RequestStatus.RecordCheck], RequestStatus.Rejected, DeskOrSystem),
        new(RequestAction.CancelRequest, Both,
            [RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.NeedsCorrection, RequestStatus.AwaitingPayment, RequestStatus.Paid,
             RequestStatus.AppointmentBooked, RequestStatus.RecordCheck],
            RequestStatus.Cancelled, [StepTaker.Agent, StepTaker.Supervisor, StepTaker.Owner]),
        new(RequestAction.ExpireRequest, Both,
            [RequestStatus.NeedsCorrection, RequestStatus.AwaitingPayment, RequestStatus.Paid, RequestStatus.AppointmentBooked],
            RequestStatus.Expired, [StepTaker.Supervisor, StepTaker.System]),
    ];

    /// <summary>The card's legal path from submission to delivery.</summary>
    public static IReadOnlyList<RequestAction> CardToDelivery { get; } =
    [
        RequestAction.StartVerification, RequestAction.ConfirmVerification, RequestAction.RecordPayment, RequestAction.BookAppointment,
        RequestAction.RecordBiometrics, RequestAction.StartProduction, RequestAction.MarkReadyForDelivery, RequestAction.ConfirmDelivery,
    ];

    /// <summary>The bulletin no. 3's legal path from submission to issue, through one correction.</summary>
    public static IReadOnlyList<RequestAction> BulletinToIssueWithACorrection { get; } =
    [
        RequestAction.StartVerification, RequestAction.RequestCorrection, RequestAction.SubmitCorrection, RequestAction.ConfirmVerification,
        RequestAction.RecordPayment, RequestAction.StartRecordCheck, RequestAction.IssueExtract,
    ];

    /// <summary>Statuses after which nothing happens, per pathway.</summary>
    public static IReadOnlyDictionary<RequestKind, RequestStatus[]> Final { get; } = new Dictionary<RequestKind, RequestStatus[]>
    {
        [RequestKind.NationalIdCard] = [RequestStatus.Delivered, RequestStatus.Rejected, RequestStatus.Cancelled, RequestStatus.Expired],
        [RequestKind.CriminalRecordExtract] = [RequestStatus.Issued, RequestStatus.Referred, RequestStatus.Rejected, RequestStatus.Cancelled, RequestStatus.Expired],
    };

    public static ExpectedStep For(RequestAction action) => All.Single(s => s.Action == action);

    /// <summary>A shortest legal path to <paramref name="target"/> in this table; null if the pathway never gets there.</summary>
    public static List<RequestAction>? PathTo(RequestKind kind, RequestStatus target)
    {
        var paths = new Dictionary<RequestStatus, List<RequestAction>> { [RequestStatus.Submitted] = [] };
        var queue = new Queue<RequestStatus>([RequestStatus.Submitted]);
        while (queue.Count > 0)
        {
            var status = queue.Dequeue();
            foreach (var step in All.Where(s => s.Allows(kind, status)))
            {
                if (paths.TryAdd(step.To, [.. paths[status], step.Action]))
                {
                    queue.Enqueue(step.To);
                }
            }
        }

        return paths.GetValueOrDefault(target);
    }
}
