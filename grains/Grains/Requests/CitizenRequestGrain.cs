using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Centers;
using Actors.Contracts.Documents;
using Actors.Contracts.Errors;
using Actors.Contracts.Geography;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Identity;
using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Events;
using Actors.Contracts.Requests.Payments;
using Actors.Grains.Documents;
using Actors.Grains.Steps;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Requests;

/// <summary>
/// One citizen request. Every operation runs through <see cref="GrainSteps{TState}"/>: check (rules,
/// table, scope, step data) → apply to state with a history entry and its event → persist once →
/// publish. A refusal is raised through the operation that declares it, before anything changes.
/// </summary>
public sealed class CitizenRequestGrain : Grain, ICitizenRequestGrain
{
    private readonly IPersistentState<CitizenRequestState> state;
    private readonly GrainSteps<CitizenRequestState> steps;
    private readonly RequestOptions options;
    private readonly TimeProvider clock;

    public CitizenRequestGrain(
        [PersistentState(StorageNames.CitizenRequestState, StorageNames.Domain)] IPersistentState<CitizenRequestState> state,
        IOutboxPublisher outbox,
        TimeProvider clock,
        IOptions<RequestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.state = state;
        this.clock = clock;
        this.options = options.Value;
        steps = new GrainSteps<CitizenRequestState>(state, this, outbox, clock, AggregateTypes.CitizenRequest);
    }

    private CitizenRequestState S => state.State;

    public Task<CitizenRequestView> SubmitIdCard(Actor actor, IdCardApplication application)
    {
        var operation = RequestOperations.SubmitIdCardRequest;
        return steps.Run(operation, () => Submit(operation, actor, RequestKind.NationalIdCard, application.CenterId, application.IdempotencyKey,
            Fingerprints(operation, application),
            () =>
            {
                ApplicationRules.CheckSubmitter(operation, actor, RequestKind.NationalIdCard, application.Pupil);
                ApplicationRules.CheckCardApplicant(operation, application, options, TunisCalendar.Today(clock));
            },
            s =>
            {
                s.Applicant = application.Applicant;
                s.IdCardReason = application.Reason;
                s.Pupil = application.Pupil;
                s.Guardian = application.Guardian;
                s.Contact = application.Contact;
            }));
    }

    public Task<CitizenRequestView> SubmitCriminalRecord(Actor actor, CriminalRecordApplication application)
    {
        var operation = RequestOperations.SubmitCriminalRecordRequest;
        return steps.Run(operation, () => Submit(operation, actor, RequestKind.CriminalRecordExtract, application.CenterId, application.IdempotencyKey,
            Fingerprints(operation, application),
            () => ApplicationRules.CheckSubmitter(operation, actor, RequestKind.CriminalRecordExtract, pupil: null),
            s =>
            {
                s.Applicant = application.Applicant;
                s.Purpose = application.Purpose;
                s.Contact = application.Contact;
            }));
    }

    public Task<Payment> OpenPayment(Actor actor, string? idempotencyKey) => throw new NotSupportedException("Being built.");

    public Task<Payment> AttachPaymentSession(GatewaySession session) => throw new NotSupportedException("Being built.");

    public Task<GatewayNoticeOutcome> ApplyGatewayNotice(GatewayNotice notice) => throw new NotSupportedException("Being built.");

    public Task<CitizenRequestView> RecordRefund(GatewayRefund refund) => throw new NotSupportedException("Being built.");

    public Task<CitizenRequestView> MarkPending(Actor actor, OutsideSystem? pendingOn) => throw new NotSupportedException("Being built.");

    public Task<CitizenRequestView?> Find(Actor actor) =>
        Task.FromResult(state.RecordExists && RequestAccess.IsInScope(actor, S.OwnerSubject, S.CenterId, S.Governorate)
            ? ToView()
            : null);

    public Task<CitizenRequestView> Perform(Actor actor, RequestCommand command)
    {
        var operation = RequestOperations.For(command.Action);
        return steps.Run(operation, () => Step(operation, actor, command));
    }

    private async Task<CitizenRequestView> Step(DomainOperation operation, Actor actor, RequestCommand command)
    {
        if (!state.RecordExists || !RequestAccess.IsInScope(actor, S.OwnerSubject, S.CenterId, S.Governorate))
        {
            throw new DomainException(DomainError.NotFound());
        }

        var action = SchemaText.Of(command.Action);
        var row = RequestTransitions.For(command.Action);
        if (!RequestTransitions.Allows(command.Action, S.Kind, S.Status))
        {
            var (kind, status) = (SchemaText.Of(S.Kind), SchemaText.Of(S.Status));
            throw operation.Refuse(
                ErrorCodes.InvalidTransition, $"{action} is not possible for a {kind} request in status {status}.",
                ("action", action), ("status", status), ("kind", kind));
        }

        if (!RequestTransitions.MayAct(row, actor, S.OwnerSubject, S.CenterId, S.Governorate))
        {
            var role = SchemaText.Of(actor.Role);
            throw operation.Refuse(ErrorCodes.NotAllowed, $"The role {role} may not take {action} on this request.", ("action", action), ("role", role));
        }

        if (command.ExpectedVersion is { } expected && expected != S.Version)
        {
            throw operation.Refuse(
                ErrorCodes.VersionMismatch, "The request changed since it was read; reload it and try again.",
                ("expectedVersion", SchemaText.Number(expected)), ("currentVersion", SchemaText.Number(S.Version)));
        }

        var reason = StepReason.Of(operation, command.Reason);
        if (row.ReasonRequired && reason is null)
        {
            throw operation.Refuse(ErrorCodes.ReasonRequired, $"{action} needs a reason.", ("action", action));
        }

        var (version, now) = steps.Next();
        var record = await CheckStepData(operation, actor, command, now);
        var from = S.Status;
        record?.Invoke(S);
        Apply(actor, row.To, version, now, reason, command.Action);
        await steps.Commit(AggregateId, [new RequestStatusChanged(from, row.To, command.Action, reason, actor.Describe(), version, now, ToView())]);
        return ToView();
    }

    private async Task<CitizenRequestView> Submit(
        DomainOperation operation, Actor actor, RequestKind kind, string centerId, string? idempotencyKey,
        IReadOnlyCollection<string> fingerprints, Action checkApplication, Action<CitizenRequestState> fill)
    {
        if (state.RecordExists)
        {
            // The grain's key is the caller's idempotency key, scoped to them (RequestKeys): a retry lands here.
            if (S.OwnerSubject == actor.Subject && S.Kind == kind && fingerprints.Contains(S.ApplicationFingerprint))
            {
                return ToView();
            }

            throw operation.Refuse(
                ErrorCodes.IdempotencyKeyReused, "This idempotency key was already used for a different submission.",
                ("idempotencyKey", idempotencyKey ?? ""));
        }

        checkApplication();
        var center = await GrainFactory.GetGrain<IServiceCenterGrain>(centerId).Find()
            ?? throw operation.Refuse(ErrorCodes.CenterNotFound, $"No center {centerId}.", ("centerId", centerId));
        var service = CenterServices.Needed(kind);
        if (!center.Offers(service))
        {
            throw operation.Refuse(
                ErrorCodes.CenterDoesNotOfferService, $"Center {centerId} does not offer {SchemaText.Of(service)}.",
                ("centerId", centerId), ("service", SchemaText.Of(service)));
        }

        if (!center.TakesRequests)
        {
            throw operation.Refuse(
                ErrorCodes.CenterNotTakingRequests, $"Center {centerId} is {SchemaText.Of(center.Phase)} and takes no requests yet.",
                ("centerId", centerId), ("phase", SchemaText.Of(center.Phase)));
        }

        if (actor.Role == ActorRole.Agent && actor.CenterId != centerId)
        {
            throw operation.Refuse(
                ErrorCodes.NotAllowed, $"An {SchemaText.Of(ActorRole.Agent)} submits requests for their own center only.", ("centerId", centerId));
        }

        var (version, now) = steps.Next();
        var id = this.GetPrimaryKey();
        S.Id = id;
        S.Kind = kind;
        S.Reference = RequestKeys.ReferenceFor(id, kind, now);
        S.SubmittedAt = now;
        S.CenterId = center.Code;
        S.Governorate = center.Profile.Governorate;
        S.OwnerSubject = actor.Subject;
        S.IdempotencyKey = idempotencyKey;
        S.ApplicationFingerprint = fingerprints.First();
        fill(S);
        Apply(actor, RequestStatus.Submitted, version, now, reason: null, action: null);
        await steps.Commit(AggregateId, [new RequestSubmitted(actor.Describe(), version, now, ToView())]);
        return ToView();
    }

    /// <summary>Checks what a step needs beyond the table; returns what it records in the state, if anything.</summary>
    private async Task<Action<CitizenRequestState>?> CheckStepData(DomainOperation operation, Actor actor, RequestCommand command, DateTimeOffset now)
    {
        switch (command.Action)
        {
            case RequestAction.RecordPayment:
                var fee = RequestFees.For(S.Kind);
                if (string.IsNullOrWhiteSpace(command.PaymentReference) || command.AmountMillimes != fee)
                {
                    throw operation.Refuse(
                        ErrorCodes.PaymentAmountMismatch, $"The fee is {SchemaText.Dinars(fee)} dinars, paid with a payment reference.",
                        ("expectedDinars", SchemaText.Dinars(fee)),
                        ("paidDinars", command.AmountMillimes is { } paid ? SchemaText.Dinars(paid) : ""));
                }

                return s => s.Payment = new PaymentRecord(command.PaymentReference.Trim(), fee, now, actor.Describe());

            case RequestAction.BookAppointment:
                if (command.AppointmentAt is not { } at || at <= now)
                {
                    throw operation.Refuse(ErrorCodes.AppointmentInPast, "An appointment must be in the future.");
                }

                var center = await GrainFactory.GetGrain<IServiceCenterGrain>(S.CenterId).Find();
                if (center is null || !center.TakesRequests)
                {
                    throw operation.Refuse(
                        ErrorCodes.CenterNotTakingRequests, $"Center {S.CenterId} takes no bookings now.", ("centerId", S.CenterId));
                }

                return s => s.Appointment = new Appointment(S.CenterId, at);

            case RequestAction.ConfirmDelivery:
                var channel = command.DeliveryChannel ?? DeliveryChannel.Center;
                if (channel == DeliveryChannel.School && S.Pupil is null)
                {
                    throw operation.Refuse(
                        ErrorCodes.PupilDeliveryOnly, $"Only pupils' cards are delivered at {SchemaText.Of(DeliveryChannel.School)}.",
                        ("channel", SchemaText.Of(channel)));
                }

                return s => s.DeliveryChannel = channel;

            case RequestAction.IssueExtract:
                // Registered before the request commits: if the commit fails, the code was never
                // shown to anyone and stays unusable; the other order could issue an unverifiable document.
                var code = DocumentCodes.New();
                await RegisterDocument(code, now);
                return s => s.DocumentCode = code;

            default:
                return null;
        }
    }

    /// <summary>The applied step: status, time, version and its history entry (the event is built from the result).</summary>
    private void Apply(Actor actor, RequestStatus to, long version, DateTimeOffset now, string? reason, RequestAction? action)
    {
        S.Status = to;
        S.UpdatedAt = now;
        S.Version = version;
        S.History.Add(new HistoryEntry(version, to, now, actor.Describe(), reason, action));
    }

    private string AggregateId => S.Id.ToString("D");

    private async Task RegisterDocument(string code, DateTimeOffset issuedAt)
    {
        var applicant = S.Applicant!;
        var document = new IssuedDocument(code, S.Kind, S.Reference, $"{applicant.GivenName} {applicant.FamilyName}", issuedAt, Revoked: false);
        await GrainFactory.GetGrain<IIssuedDocumentGrain>(code).Register(S.Id, document, applicant.BirthDate);
    }

    private CitizenRequestView ToView() => new(
        S.Id, S.Reference, S.Kind, S.Status, S.SubmittedAt, S.UpdatedAt, S.CenterId, S.Governorate, S.OwnerSubject,
        S.Applicant!, S.IdCardReason, S.Pupil, S.Guardian, S.Contact, S.Purpose, S.Payment, S.Appointment,
        S.DeliveryChannel, S.DocumentCode, S.Version, S.History.ToList());

    /// <summary>
    /// The fingerprint of the policy first (what is stored now), then the previous release's (the input's
    /// JSON alone), so that a retry of a submission stored before the upgrade still finds its request.
    /// </summary>
    private static string[] Fingerprints<T>(DomainOperation operation, T application) =>
    [
        IdempotencyPolicy.Fingerprint(operation.Name, application),
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(OutboxJson.Serialize(application)))),
    ];
}
