using Actors.Contracts.Errors;

namespace Actors.Contracts.Requests;

/// <summary>
/// What a request offers its callers, one operation per mutation, each with the refusals it may
/// raise: the grain refuses through these and the API builds each mutation's error union from them.
/// A union member is never removed (clients' fragments on it would stop validating), so the
/// REASON_REQUIRED of steps whose reason is optional and the GUARDIAN_CONSENT_REQUIRED of the
/// bulletin no. 3 stay declared from the first release although nothing raises them now.
/// </summary>
public static class RequestOperations
{
    private static readonly string[] Submission =
    [
        ErrorCodes.CenterNotFound, ErrorCodes.CenterDoesNotOfferService, ErrorCodes.CenterNotTakingRequests,
        ErrorCodes.IdempotencyKeyReused, ErrorCodes.NotAllowed, ErrorCodes.GuardianConsentRequired,
        ErrorCodes.NationalIdRequired, ErrorCodes.NotYourRequestToMake,
    ];

    private static readonly string[] Step =
        [ErrorCodes.InvalidTransition, ErrorCodes.NotAllowed, ErrorCodes.ReasonRequired, ErrorCodes.VersionMismatch];

    public static DomainOperation SubmitIdCardRequest { get; } =
        new("submitIdCardRequest", [.. Submission, ErrorCodes.BelowMinimumCardAge, ErrorCodes.PupilAgeOutOfRange]);

    public static DomainOperation SubmitCriminalRecordRequest { get; } = new("submitCriminalRecordRequest", Submission);

    /// <summary>An online payment of the fee: opened on the request, registered at the gateway by the payment desk.</summary>
    public static DomainOperation StartPayment { get; } = new(
        "startPayment",
        ErrorCodes.InvalidTransition, ErrorCodes.NotAllowed, ErrorCodes.PaymentAttemptsExhausted, ErrorCodes.PaymentGatewayUnavailable);

    /// <summary>The owner's consent to move the request to another center of the governorate (its own stays suspended, say).</summary>
    public static DomainOperation MoveRequestToCenter { get; } = new(
        "moveRequestToCenter",
        ErrorCodes.InvalidTransition, ErrorCodes.NotAllowed, ErrorCodes.CenterNotFound, ErrorCodes.CenterDoesNotOfferService,
        ErrorCodes.CenterNotTakingRequests, ErrorCodes.ValidationFailed);

    private static readonly Dictionary<RequestAction, DomainOperation> Steps =
        RequestTransitions.All.ToDictionary(t => t.Action, t => new DomainOperation(NameOf(t.Action), [.. Step, .. StepData(t.Action), ErrorCodes.ValidationFailed]));

    /// <summary>Every operation on requests: the two submissions, then one per row of <see cref="RequestTransitions"/>.</summary>
    public static IReadOnlyList<DomainOperation> All { get; } =
        [SubmitIdCardRequest, SubmitCriminalRecordRequest, .. RequestTransitions.All.Select(t => Steps[t.Action]), StartPayment, MoveRequestToCenter];

    /// <summary>The operation of one step, named like the action (START_VERIFICATION → startVerification).</summary>
    public static DomainOperation For(RequestAction action) => Steps[action];

    /// <summary>The refusals a step adds to the common ones because of the data it records.</summary>
    private static string[] StepData(RequestAction action) => action switch
    {
        RequestAction.RecordPayment => [ErrorCodes.PaymentAmountMismatch],
        RequestAction.BookAppointment =>
            [ErrorCodes.AppointmentInPast, ErrorCodes.CenterNotTakingRequests, ErrorCodes.SlotFull, ErrorCodes.SlotNotBookable, ErrorCodes.IdempotencyKeyReused],
        RequestAction.RescheduleAppointment =>
            [ErrorCodes.CenterNotTakingRequests, ErrorCodes.SlotFull, ErrorCodes.SlotNotBookable, ErrorCodes.IdempotencyKeyReused],
        RequestAction.RecordNoShow => [ErrorCodes.NotAppointmentDay],
        RequestAction.ConfirmDelivery => [ErrorCodes.PupilDeliveryOnly],
        RequestAction.RecordBiometrics => [ErrorCodes.NotAppointmentDay],
        _ => [],
    };

    private static string NameOf(RequestAction action)
    {
        var name = action.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
