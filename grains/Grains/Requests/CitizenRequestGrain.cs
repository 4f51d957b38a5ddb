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
using Actors.Contracts.Requests.Clocks;
using Actors.Contracts.Requests.Events;
using Actors.Contracts.Requests.Payments;
using Actors.Contracts.Scheduling;
using Actors.Grains.Documents;
using Actors.Grains.Scheduling;
using Actors.Grains.Steps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Requests;

/// <summary>
/// One citizen request. Every operation runs through <see cref="GrainSteps{TState}"/>: check (rules,
/// table, scope, step data) → apply to state with a history entry and its event → persist once →
/// publish. A refusal is raised through the operation that declares it, before anything changes.
/// </summary>
public sealed partial class CitizenRequestGrain : Grain, ICitizenRequestGrain
{
    private readonly IPersistentState<CitizenRequestState> state;
    private readonly GrainSteps<CitizenRequestState> steps;
    private readonly RequestOptions options;
    private readonly IOptionsMonitor<AppointmentOptions> appointments;
    private readonly SlaOptions sla;
    private readonly TimeProvider clock;
    private readonly ILogger<CitizenRequestGrain> logger;

    // Holds this activation took and has not yet committed or given up: a day schedule asking about one keeps it.
    private readonly HashSet<string> holdsInFlight = new(StringComparer.Ordinal);

    public CitizenRequestGrain(
        [PersistentState(StorageNames.CitizenRequestState, StorageNames.Domain)] IPersistentState<CitizenRequestState> state,
        IOutboxPublisher outbox,
        TimeProvider clock,
        IOptions<RequestOptions> options,
        IOptions<SlaOptions> sla,
        IOptionsMonitor<AppointmentOptions> appointments,
        ILogger<CitizenRequestGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sla);
        this.state = state;
        this.clock = clock;
        this.options = options.Value;
        this.appointments = appointments;
        this.logger = logger;
        this.sla = sla.Value;
        steps = new GrainSteps<CitizenRequestState>(state, this, outbox, clock, AggregateTypes.CitizenRequest);
    }

    private CitizenRequestState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A state stored by Orleans' ADO.NET provider (or an earlier release) carries its latest transition's events, each
        // with a snapshot of the whole request: the outbox took them when that write committed, and the next write sets
        // its own. Kept in memory they would double what an active request costs (issue 15, memory per request). Read
        // from PostgreSQL's JSON they are none already (CommittedEventsJsonConverter; the default storage writes none,
        // migration 0016); the embedded in-memory storage keeps them.
        DropCommittedEvents();
        return base.OnActivateAsync(cancellationToken);
    }

    public Task<CitizenRequestView> SubmitIdCard(Actor actor, IdCardApplication application)
    {
        var operation = RequestOperations.SubmitIdCardRequest;
        return steps.Run(operation, () => Submit(operation, actor, RequestKind.NationalIdCard, application.CenterId, application.IdempotencyKey,
            Fingerprints(operation, application),
            () =>
            {
                ApplicationRules.CheckSubmitter(operation, actor, RequestKind.NationalIdCard, application.Pupil);
                ApplicationRules.CheckCardApplicant(operation, application, options, TunisCalendar.Today(clock));
                return ApplicationRules.Owner(operation, actor, application.Applicant, application.Guardian, TunisCalendar.Today(clock));
            },
            s =>
            {
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
            () =>
            {
                ApplicationRules.CheckSubmitter(operation, actor, RequestKind.CriminalRecordExtract, pupil: null);
                return ApplicationRules.Owner(operation, actor, application.Applicant, guardian: null, TunisCalendar.Today(clock));
            },
            s =>
            {
                s.Purpose = application.Purpose;
                s.Contact = application.Contact;
            }));
    }

    public Task<Payment> OpenPayment(Actor actor, string? idempotencyKey)
    {
        var operation = RequestOperations.StartPayment;
        return steps.Run(operation, async () =>
        {
            EnsureVisibleTo(actor);
            if (idempotencyKey is not null
                && S.Payments.FirstOrDefault(p => p.IdempotencyKey == idempotencyKey && actor.IsDescribedBy(p.StartedBy)) is { } again)
            {
                return again;
            }

            if (S.Status != RequestStatus.AwaitingPayment)
            {
                var status = SchemaText.Of(S.Status);
                throw operation.Refuse(
                    ErrorCodes.InvalidTransition,
                    $"startPayment is possible in status {SchemaText.Of(RequestStatus.AwaitingPayment)} only; this request is {status}.",
                    ("action", "startPayment"), ("status", status), ("kind", SchemaText.Of(S.Kind)));
            }

            // The owner pays: the citizen, or the education officer who submitted a pupil's request in the campaign.
            if (!RequestAccess.IsOwner(actor, Owner) && actor.Role is not (ActorRole.Agent or ActorRole.Supervisor))
            {
                var role = SchemaText.Of(actor.Role);
                throw operation.Refuse(ErrorCodes.NotAllowed, $"The role {role} may not take startPayment on this request.", ("action", "startPayment"), ("role", role));
            }

            if (S.Payments.Count >= options.MaxPaymentAttempts)
            {
                throw operation.Refuse(
                    ErrorCodes.PaymentAttemptsExhausted,
                    $"This request has had {SchemaText.Number(S.Payments.Count)} payment attempts; an agent can record a payment at the desk.",
                    ("attempts", SchemaText.Number(S.Payments.Count)));
            }

            var (version, now) = steps.Next();
            var fee = RequestFees.For(S.Kind);
            var payment = new Payment(
                PaymentIds.OrderId(S.Id, S.Payments.Count + 1), PaymentStatus.Created, fee, Payment.Dinar, RedirectUrl: null,
                CreatedAt: now, ExpiresAt: now + options.PaymentWindow, UpdatedAt: now, actor.Describe(), idempotencyKey, DeclineCode: null, Events: []);
            S.Payments.Add(payment);
            Touch(version, now);
            await Commit([new RequestPaymentChanged(payment, actor.Describe(), version, now, ToView())]);
            return payment;
        });
    }

    public async Task<Payment> AttachPaymentSession(GatewaySession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var index = PaymentIndexOf(session.OrderId) ?? throw new InvalidOperationException($"No payment {session.OrderId} on this request.");
        var payment = S.Payments[index];
        if (payment.RedirectUrl is not null || !payment.IsOpen)
        {
            return payment;
        }

        var (version, now) = steps.Next();
        var expiresAt = session.ExpiresAt < payment.ExpiresAt ? session.ExpiresAt : payment.ExpiresAt;
        payment = payment with { RedirectUrl = session.RedirectUrl, ExpiresAt = expiresAt, UpdatedAt = now };
        S.Payments[index] = payment;
        Touch(version, now);
        await Commit([new RequestPaymentChanged(payment, Gateway.Describe(), version, now, ToView())]);
        return payment;
    }

    public async Task<GatewayNoticeOutcome> ApplyGatewayNotice(GatewayNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!state.RecordExists || PaymentIndexOf(notice.OrderId) is not { } index)
        {
            return GatewayNoticeOutcome.UnknownOrder;
        }

        var payment = S.Payments[index];
        if (payment.Events.Any(e => e.MessageId == notice.MessageId))
        {
            return GatewayNoticeOutcome.Duplicate;
        }

        // The wrong amount or currency never moves a payment, whatever the signature says.
        if (notice.AmountMillimes != payment.AmountMillimes || !string.Equals(notice.Currency, payment.Currency, StringComparison.Ordinal)
            || PaymentTransitions.Next(payment.Status, notice.Kind) is not { } next)
        {
            return GatewayNoticeOutcome.Ignored;
        }

        var (version, now) = steps.Next();
        payment = payment with
        {
            Status = next,
            UpdatedAt = now,
            DeclineCode = next == PaymentStatus.Declined ? notice.DeclineCode : payment.DeclineCode,
            Events = [.. payment.Events, new PaymentEvent(notice.MessageId, notice.Kind, next, notice.OccurredAt, notice.DeclineCode)],
        };
        S.Payments[index] = payment;
        if (next == PaymentStatus.Captured && S.Status == RequestStatus.AwaitingPayment)
        {
            // The one capture that pays the request; any later one is refunded (PaymentRules.RefundsDue).
            S.Payment = new PaymentRecord(payment.OrderId, payment.AmountMillimes, now, Gateway.Describe());
            await Apply(Gateway, RequestStatus.Paid, version, now, reason: null, RequestAction.RecordPayment);
            await Commit(
                [new RequestStatusChanged(RequestStatus.AwaitingPayment, RequestStatus.Paid, RequestAction.RecordPayment, null, Gateway.Describe(), version, now, ToView())]);
        }
        else
        {
            Touch(version, now);
            await Commit([new RequestPaymentChanged(payment, Gateway.Describe(), version, now, ToView())]);
        }

        return GatewayNoticeOutcome.Applied;
    }

    public async Task<CitizenRequestView> RecordRefund(GatewayRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var index = PaymentIndexOf(refund.OrderId) ?? throw new InvalidOperationException($"No payment {refund.OrderId} on this request.");
        var payment = S.Payments[index];
        if (payment.Status != PaymentStatus.Captured)
        {
            return ToView();
        }

        var (version, now) = steps.Next();
        payment = payment with
        {
            Status = PaymentStatus.Refunded,
            UpdatedAt = now,
            Events = [.. payment.Events, new PaymentEvent(refund.RefundId, GatewayNoticeKind.Refunded, PaymentStatus.Refunded, refund.RefundedAt, null)],
        };
        S.Payments[index] = payment;
        Touch(version, now);
        await Commit([new RequestPaymentChanged(payment, Gateway.Describe(), version, now, ToView())]);
        return ToView();
    }

    public async Task<CitizenRequestView> MarkPending(Actor actor, OutsideSystem? pendingOn, long seenVersion)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != ActorRole.System)
        {
            throw new InvalidOperationException("Only the automatic pathway marks a request as waiting on an outside system.");
        }

        if (!state.RecordExists || S.PendingOn == pendingOn || RequestTransitions.IsFinal(S.Status) || S.Version != seenVersion)
        {
            return state.RecordExists ? ToView() : throw new DomainException(DomainError.NotFound());
        }

        var (version, now) = steps.Next();
        S.PendingOn = pendingOn;
        S.PendingSince = pendingOn is null ? null : now;
        Touch(version, now);
        await Commit([new RequestPendingChanged(pendingOn, actor.Describe(), version, now, ToView())]);
        return ToView();
    }

    public Task<HoldStanding> AppointmentHold(string holdId) => Task.FromResult(
        state.RecordExists && S.Appointment?.HoldId == holdId && S.Status == RequestStatus.AppointmentBooked ? HoldStanding.Confirmed
        : holdsInFlight.Contains(holdId) ? HoldStanding.Pending
        : HoldStanding.None);

    public async Task<CitizenRequestView> FlagOverdue(Actor actor, long seenVersion)
    {
        EnsureClock(actor);
        var now = clock.GetUtcNow();
        if (S.Version != seenVersion || RequestTransitions.IsFinal(S.Status) || S.DueAt is not { } due || due > now || S.OverdueSince is not null)
        {
            return ToView();
        }

        var (version, _) = steps.Next();
        S.OverdueSince = due;
        Touch(version, now);
        await Commit([new RequestOverdue(S.Status, due, actor.Describe(), version, now, ToView())]);
        return ToView();
    }

    public async Task<CitizenRequestView> Escalate(Actor actor, long seenVersion)
    {
        EnsureClock(actor);
        if (S.Version != seenVersion || RequestTransitions.IsFinal(S.Status) || S.OverdueSince is not { } overdueSince || S.EscalatedAt is not null)
        {
            return ToView();
        }

        var (version, now) = steps.Next();
        S.EscalatedAt = now;
        Touch(version, now);
        await Commit([new RequestEscalated(S.Status, overdueSince, actor.Describe(), version, now, ToView())]);
        return ToView();
    }

    public Task<CitizenRequestView?> Find(Actor actor) =>
        Task.FromResult(state.RecordExists && RequestAccess.IsInScope(actor, Owner, S.CenterId, S.Governorate)
            ? ToView()
            : null);

    public Task<CitizenRequestView> Perform(Actor actor, RequestCommand command)
    {
        var operation = RequestOperations.For(command.Action);
        return steps.Run(operation, () => Step(operation, actor, command));
    }

    public Task<CitizenRequestView> MoveToCenter(Actor actor, string centerId)
    {
        var operation = RequestOperations.MoveRequestToCenter;
        return steps.Run(operation, async () =>
        {
            EnsureVisibleTo(actor);
            if (!RequestAccess.IsOwner(actor, Owner))
            {
                throw operation.Refuse(
                    ErrorCodes.NotAllowed, "A request moves to another center only with its owner's consent: the owner asks for it.",
                    ("role", SchemaText.Of(actor.Role)));
            }

            if (!MovableStatuses.Contains(S.Status))
            {
                var status = SchemaText.Of(S.Status);
                throw operation.Refuse(
                    ErrorCodes.InvalidTransition,
                    $"moveRequestToCenter is possible before an appointment is booked; this request is {status}{(S.Status == RequestStatus.AppointmentBooked ? " (book a slot at the other center instead)" : "")}.",
                    ("action", "moveRequestToCenter"), ("status", status), ("kind", SchemaText.Of(S.Kind)));
            }

            if (centerId == S.CenterId)
            {
                return ToView();
            }

            var center = await GrainFactory.Reference<IServiceCenterGrain>(centerId).Find()
                ?? throw operation.Refuse(ErrorCodes.CenterNotFound, $"No center {centerId}.", ("centerId", centerId));
            if (center.Profile.Governorate != S.Governorate)
            {
                throw operation.Refuse(
                    ErrorCodes.ValidationFailed, $"A request moves within its governorate ({S.Governorate}); center {centerId} is in {center.Profile.Governorate}.",
                    ("field", "input.centerId"), ("governorate", S.Governorate));
            }

            var service = CenterServices.Needed(S.Kind);
            if (!center.Offers(service))
            {
                throw operation.Refuse(
                    ErrorCodes.CenterDoesNotOfferService, $"Center {centerId} does not offer {SchemaText.Of(service)}.",
                    ("centerId", centerId), ("service", SchemaText.Of(service)));
            }

            if (!center.TakesRequests)
            {
                throw operation.Refuse(
                    ErrorCodes.CenterNotTakingRequests, $"Center {centerId} is {SchemaText.Of(center.Phase)} and takes no requests.",
                    ("centerId", centerId), ("phase", SchemaText.Of(center.Phase)));
            }

            var (version, now) = steps.Next();
            var from = S.CenterId;
            S.CenterId = center.Code;
            S.UpdatedAt = now;
            S.Version = version;
            S.History.Add(new HistoryEntry(version, S.Status, now, actor.Describe(), $"Moved from center {from} to {center.Code} at the owner's request.", Action: null,
                ActorCenterId: CenterOf(actor)));
            await Commit([new RequestCenterChanged(from, center.Code, actor.Describe(), version, now, ToView())]);
            return ToView();
        });
    }

    public Task<CitizenRequestView?> DisplaceAppointment(string holdId, string reason)
    {
        var operation = RequestOperations.For(RequestAction.RescheduleAppointment);
        return steps.Run(operation, async () =>
        {
            if (!state.RecordExists || S.Status != RequestStatus.AppointmentBooked || S.Appointment is not { HoldId: not null } appointment
                || appointment.HoldId != holdId)
            {
                // Not (or no longer) this request's seat: the day schedule's own expiry and the outbox settle it.
                return state.RecordExists ? ToView() : null;
            }

            var now = steps.Now;
            var center = await GrainFactory.Reference<IServiceCenterGrain>(appointment.CenterId).Find();
            if (center is { TakesRequests: true } && appointment.Service is { } service)
            {
                var reschedule = RequestTransitions.For(RequestAction.RescheduleAppointment);
                var moved = new AppointmentNotice(AppointmentNoticeKind.MovedByCenter, reason, now, appointment);
                foreach (var slot in await FreeSlotsAfter(appointment, service, now))
                {
                    try
                    {
                        var (version, at) = steps.Next();
                        var command = new RequestCommand(RequestAction.RescheduleAppointment, Slot: slot.Key, IdempotencyKey: "displaced-" + holdId);
                        return await Book(operation, CenterCalendarActor, command, reschedule, reason, version, at, moved);
                    }
                    catch (DomainException full) when (full.Error.Code == ErrorCodes.SlotFull)
                    {
                        // Taken meanwhile by someone else: the next free one.
                    }
                }
            }

            var cancel = RequestTransitions.For(RequestAction.CancelAppointment);
            var cancelled = new AppointmentNotice(AppointmentNoticeKind.CancelledByCenter, reason, now, appointment);
            var (next, when) = steps.Next();
            return await FreeAppointment(
                RequestOperations.For(RequestAction.CancelAppointment), CenterCalendarActor, new RequestCommand(RequestAction.CancelAppointment),
                cancel, reason, next, when, cancelled);
        });
    }

    /// <summary>The free slots of the same center and service, earliest first, within <see cref="DisplacementHorizonDays"/> of the appointment.</summary>
    private async Task<IEnumerable<AppointmentSlot>> FreeSlotsAfter(Appointment appointment, CenterService service, DateTimeOffset now)
    {
        var category = CenterServices.CategoryOf(service);
        var first = TunisTime.DayOf(appointment.At);
        var days = await Task.WhenAll(Enumerable.Range(1, DisplacementHorizonDays).Select(offset =>
            GrainFactory.Reference<ICenterDayScheduleGrain>(DayScheduleKeys.For(appointment.CenterId, category, first.AddDays(offset))).Slots(service)));
        return days.SelectMany(d => d).Where(s => s.StartsAt > now && s.Remaining > 0).OrderBy(s => s.StartsAt).ToList();
    }

    /// <summary>How far after a closed day a displaced appointment is looked for before it is cancelled instead (ours: four weeks).</summary>
    private const int DisplacementHorizonDays = 28;

    /// <summary>How a school delivery round's actor starts (<c>Actor.System("school-delivery/&lt;round&gt;")</c>).</summary>
    private const string SchoolDeliveryRoundSubject = "system:school-delivery/";

    /// <summary>Who writes a center's closure or suspension in histories.</summary>
    private static readonly Actor CenterCalendarActor = Actor.System("center-calendar");

    /// <summary>Statuses in which the request has not met its center yet: it may move with the owner's consent.</summary>
    private static readonly HashSet<RequestStatus> MovableStatuses =
    [
        RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.NeedsCorrection, RequestStatus.AwaitingPayment, RequestStatus.Paid,
    ];

    private async Task<CitizenRequestView> Step(DomainOperation operation, Actor actor, RequestCommand command)
    {
        EnsureVisibleTo(actor);
        var action = SchemaText.Of(command.Action);
        var row = RequestTransitions.For(command.Action);
        if (AppointmentRetry(operation, command) is { } same)
        {
            return same;
        }

        if (!RequestTransitions.Allows(command.Action, S.Kind, S.Status))
        {
            var (kind, status) = (SchemaText.Of(S.Kind), SchemaText.Of(S.Status));
            throw operation.Refuse(
                ErrorCodes.InvalidTransition, $"{action} is not possible for a {kind} request in status {status}.",
                ("action", action), ("status", status), ("kind", kind));
        }

        if (!RequestTransitions.MayAct(row, actor, Owner, S.CenterId, S.Governorate) && !IsOwningOfficer(row, actor)
            && !IsSchoolDeliveryRound(actor, command))
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
        switch (command.Action)
        {
            case RequestAction.BookAppointment or RequestAction.RescheduleAppointment:
                return await Book(operation, actor, command, row, reason, version, now);
            case RequestAction.CancelAppointment or RequestAction.RecordNoShow:
                return await FreeAppointment(operation, actor, command, row, reason, version, now);
        }

        var record = await CheckStepData(operation, actor, command, now);
        var from = S.Status;
        record?.Invoke(S);
        S.Correction = command.Action == RequestAction.RequestCorrection
            ? new CorrectionNeeded(command.CorrectionCode ?? CorrectionCode.Other, command.CorrectionField, reason!)
            : null;

        // A request that ends with a booked seat (cancelled, expired) gives the seat back.
        var seat = RequestTransitions.IsFinal(row.To) && from == RequestStatus.AppointmentBooked ? S.Appointment : null;
        await Apply(actor, row.To, version, now, reason, command.Action);
        List<IDomainEvent> events = [new RequestStatusChanged(from, row.To, command.Action, reason, actor.Describe(), version, now, ToView())];
        if (seat is not null)
        {
            events.Add(new RequestAppointmentChanged(S.Id, seat, null, actor.Describe(), version, now));
        }

        await Commit(events);
        await ReleaseSeat(seat);
        return ToView();
    }

    /// <summary>
    /// The same booking again (same idempotency key, same slot): the request as it is, whatever its status now; the
    /// same key with another slot is refused. Null when this is not a retry.
    /// </summary>
    private CitizenRequestView? AppointmentRetry(DomainOperation operation, RequestCommand command)
    {
        if (command.Action is not (RequestAction.BookAppointment or RequestAction.RescheduleAppointment)
            || command.IdempotencyKey is not { } key || S.Appointment?.IdempotencyKey != key)
        {
            return null;
        }

        var asked = SlotAsked(command);
        if (asked is not null && asked.CenterId == S.Appointment.CenterId && asked.StartsAt == S.Appointment.At)
        {
            return ToView();
        }

        throw operation.Refuse(
            ErrorCodes.IdempotencyKeyReused, "This idempotency key was already used to book another slot.", ("idempotencyKey", key));
    }

    /// <summary>The education officer who submitted a pupil's request books for the pupil like a citizen for themselves.</summary>
    private bool IsOwningOfficer(RequestTransition row, Actor actor) =>
        row.OwnerMayAct && actor.Role == ActorRole.EducationOfficer && RequestAccess.IsOwner(actor, Owner)
        && row.Action is RequestAction.BookAppointment or RequestAction.RescheduleAppointment or RequestAction.CancelAppointment;

    /// <summary>
    /// A school delivery round hands a pupil's card over at the school when an education officer records the handover
    /// (the officer may not act on requests themselves): only CONFIRM_DELIVERY, only at SCHOOL, only a pupil's card.
    /// </summary>
    private bool IsSchoolDeliveryRound(Actor actor, RequestCommand command) =>
        actor.Role == ActorRole.System && actor.Subject.StartsWith(SchoolDeliveryRoundSubject, StringComparison.Ordinal)
        && command.Action == RequestAction.ConfirmDelivery && command.DeliveryChannel == DeliveryChannel.School && S.Pupil is not null;

    /// <summary>The slot a booking names, or (the deprecated input) the slot starting at <c>at</c> at the request's center.</summary>
    private SlotKey? SlotAsked(RequestCommand command) =>
        command.Slot ?? (command.AppointmentAt is { } at ? new SlotKey(S.CenterId, CenterServices.Needed(S.Kind), at) : null);

    /// <summary>
    /// Books or moves the appointment: a seat is held on the slot's day schedule first, then the request commits
    /// (status, appointment, events), then the seat is confirmed and, on a move, the old one freed. A crash after
    /// the hold leaves a hold that expires by itself; a crash after the commit is completed by the event's consumer.
    /// </summary>
    private async Task<CitizenRequestView> Book(
        DomainOperation operation, Actor actor, RequestCommand command, RequestTransition row, string? reason, long version, DateTimeOffset now,
        AppointmentNotice? notice = null)
    {
        var service = CenterServices.Needed(S.Kind);
        if (command.Slot is null && command.AppointmentAt is { } at && at <= now)
        {
            throw operation.Refuse(ErrorCodes.AppointmentInPast, "An appointment must be in the future.");
        }

        var slot = SlotAsked(command) ?? throw operation.Refuse(ErrorCodes.SlotNotBookable, "A slot is required.", ("slot", ""));
        if (slot.Service != service)
        {
            throw NotBookable(operation, slot, $"This request needs a slot for {SchemaText.Of(service)}.");
        }

        var center = await GrainFactory.Reference<IServiceCenterGrain>(slot.CenterId).Find();
        if (center is null || center.Profile.Governorate != S.Governorate)
        {
            throw NotBookable(operation, slot, "The request is booked at a center of its own governorate.");
        }

        if (!center.TakesRequests)
        {
            throw operation.Refuse(
                ErrorCodes.CenterNotTakingRequests, $"Center {slot.CenterId} is {SchemaText.Of(center.Phase)} and takes no bookings.",
                ("centerId", slot.CenterId), ("phase", SchemaText.Of(center.Phase)));
        }

        if (actor.Role == ActorRole.Agent && actor.CenterId != slot.CenterId)
        {
            throw operation.Refuse(ErrorCodes.NotAllowed, $"An {SchemaText.Of(ActorRole.Agent)} books at their own center only.", ("centerId", slot.CenterId));
        }

        // Without a key each attempt is its own hold; with one, a retry after a lost answer finds the seat it took.
        var holdId = AppointmentSeats.HoldIdFor(S.Id, command.IdempotencyKey ?? $"version-{version}-{Guid.NewGuid():N}");
        var schedule = GrainFactory.Reference<ICenterDayScheduleGrain>(DayScheduleKeys.For(slot));
        holdsInFlight.Add(holdId);
        try
        {
            var held = await schedule.Hold(new SlotHold(slot, S.Id, holdId, appointments.CurrentValue.HoldLifetime));
            switch (held.Result)
            {
                case HoldResult.Full:
                    throw operation.Refuse(
                        ErrorCodes.SlotFull, $"Every desk of the slot {slot} is taken.",
                        ("slot", slot.ToString()), ("desks", SchemaText.Number(held.Slot!.Desks)));
                case HoldResult.NotBookable:
                    throw NotBookable(operation, slot, held.Why ?? "");
                case HoldResult.Held when held.Slot!.Key != slot:
                    throw operation.Refuse(
                        ErrorCodes.IdempotencyKeyReused, "This idempotency key was already used to book another slot.",
                        ("idempotencyKey", command.IdempotencyKey ?? ""));
            }

            var previous = S.Appointment is { } old && S.Status == RequestStatus.AppointmentBooked ? old : null;
            var from = S.Status;
            var appointment = new Appointment(
                slot.CenterId, held.Slot!.StartsAt, held.Slot.EndsAt, service, holdId, command.IdempotencyKey, actor.Describe(), now);
            var movedFrom = S.CenterId != slot.CenterId ? S.CenterId : null;
            var before = (S.Appointment, S.AppointmentNotice, S.CenterId);
            try
            {
                S.Appointment = appointment;
                S.AppointmentNotice = notice;
                if (movedFrom is not null)
                {
                    // The citizen's choice: the request goes where they will come.
                    S.CenterId = slot.CenterId;
                    reason = $"Booked at center {slot.CenterId}; the request moves there from center {movedFrom}." + (reason is null ? "" : " " + reason);
                }

                try
                {
                    await Apply(actor, row.To, version, now, reason, command.Action);
                }
                catch
                {
                    // Nothing was written (the center's calendar unreachable while a silo dies, say): the request goes back
                    // to what it was, or a retry with the same key would find this appointment and take the booking for done.
                    (S.Appointment, S.AppointmentNotice, S.CenterId) = before;
                    throw;
                }

                await Commit(
                [
                    new RequestStatusChanged(from, row.To, command.Action, reason, actor.Describe(), version, now, ToView()),
                    new RequestAppointmentChanged(S.Id, previous, appointment, actor.Describe(), version, now),
                ]);
            }
            catch
            {
                await schedule.Release(holdId);
                throw;
            }

            await ConfirmSeat(schedule, holdId);
            if (previous is not null && previous.HoldId != holdId)
            {
                await ReleaseSeat(previous);
            }

            return ToView();
        }
        finally
        {
            holdsInFlight.Remove(holdId);
        }
    }

    /// <summary>
    /// Cancels the appointment (back to PAID) or records that the citizen did not come (back to PAID, or EXPIRED at
    /// the configured number of no-shows); either way the seat is free for everyone as soon as the request commits.
    /// </summary>
    private async Task<CitizenRequestView> FreeAppointment(
        DomainOperation operation, Actor actor, RequestCommand command, RequestTransition row, string? reason, long version, DateTimeOffset now,
        AppointmentNotice? notice = null)
    {
        var previous = S.Appointment;
        var to = row.To;
        if (command.Action == RequestAction.RecordNoShow)
        {
            if (previous is null || now < previous.At || actor.CenterId != previous.CenterId)
            {
                throw operation.Refuse(
                    ErrorCodes.NotAppointmentDay, "A no-show is recorded by the booked center once the appointment has begun.",
                    ("appointmentAt", previous is null ? "" : previous.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            }

            S.NoShows++;
            if (S.NoShows >= options.MaxNoShows)
            {
                to = RequestStatus.Expired;
                reason = $"The citizen did not come to {SchemaText.Number(S.NoShows)} appointments; the request expires." + (reason is null ? "" : " " + reason);
            }
        }

        var from = S.Status;
        S.Appointment = null;
        S.AppointmentNotice = notice;
        await Apply(actor, to, version, now, reason, command.Action);
        await Commit(
        [
            new RequestStatusChanged(from, to, command.Action, reason, actor.Describe(), version, now, ToView()),
            new RequestAppointmentChanged(S.Id, previous, null, actor.Describe(), version, now),
        ]);
        await ReleaseSeat(previous);
        return ToView();
    }

    private static DomainException NotBookable(DomainOperation operation, SlotKey slot, string why) =>
        operation.Refuse(ErrorCodes.SlotNotBookable, $"The slot {slot} cannot be booked. {why}".TrimEnd(), ("slot", slot.ToString()));

    /// <summary>After the commit the step is done: a failed confirm or release is completed by the outbox consumer and the hold's expiry.</summary>
    private async Task ConfirmSeat(ICenterDayScheduleGrain schedule, string holdId)
    {
        try
        {
            await schedule.Confirm(holdId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Hold {HoldId} of request {RequestId} is confirmed later by the outbox consumer.", holdId, S.Id);
        }
    }

    private async Task ReleaseSeat(Appointment? appointment)
    {
        try
        {
            if (AppointmentSeats.ScheduleOf(GrainFactory, appointment) is { } schedule)
            {
                await schedule.Release(appointment!.HoldId!);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The seat of request {RequestId} is freed later by the outbox consumer.", S.Id);
        }
    }

    private async Task<CitizenRequestView> Submit(
        DomainOperation operation, Actor actor, RequestKind kind, string centerId, string? idempotencyKey,
        IReadOnlyCollection<string> fingerprints, Func<(RequestOwner Owner, Applicant Applicant)> checkApplication, Action<CitizenRequestState> fill)
    {
        if (state.RecordExists)
        {
            // The grain's key is the caller's idempotency key, scoped to them (RequestKeys): a retry lands here. The
            // submitter is the first history entry's actor: a walk-in's owner is not the agent who made it.
            if (S.History.Count > 0 && actor.IsDescribedBy(S.History[0].Actor) && S.Kind == kind && fingerprints.Contains(S.ApplicationFingerprint))
            {
                return ToView();
            }

            throw operation.Refuse(
                ErrorCodes.IdempotencyKeyReused, "This idempotency key was already used for a different submission.",
                ("idempotencyKey", idempotencyKey ?? ""));
        }

        var (owner, applicant) = checkApplication();
        var center = await GrainFactory.Reference<IServiceCenterGrain>(centerId).Find()
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
        S.OwnerIssuer = owner.Issuer;
        S.OwnerSubject = owner.Subject;
        S.OwnerNationalIdNumber = owner.NationalIdNumber;
        S.IdempotencyKey = idempotencyKey;
        S.ApplicationFingerprint = fingerprints.First();
        S.Applicant = applicant;
        fill(S);
        await Apply(actor, RequestStatus.Submitted, version, now, reason: null, action: null);
        await Commit([new RequestSubmitted(actor.Describe(), version, now, ToView())]);
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

            case RequestAction.RecordBiometrics:
                CheckAppointmentDay(operation, actor, now);
                return null;

            case RequestAction.ConfirmDelivery:
                var delivery = Handover(operation, actor, command, now);
                return s =>
                {
                    s.DeliveryChannel = delivery.Channel;
                    s.Delivery = delivery;
                };

            case RequestAction.IssueExtract:
                // Sealed before the request commits: if the commit fails, the code was never shown to anyone
                // and the retried step seals a newer one (which supersedes it); the other order could issue
                // a request whose document does not exist.
                var code = DocumentCodes.New();
                await IssueDocument(code, now);
                return s => s.DocumentCode = code;

            default:
                return null;
        }
    }

    /// <summary>Biometrics are taken by an agent of the booked center, on the appointment's day (Africa/Tunis).</summary>
    private void CheckAppointmentDay(DomainOperation operation, Actor actor, DateTimeOffset now)
    {
        var appointment = S.Appointment!;
        var day = TunisTime.DayOf(appointment.At);
        if (actor.CenterId != appointment.CenterId || TunisTime.DayOf(now) != day)
        {
            var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            throw operation.Refuse(
                ErrorCodes.NotAppointmentDay,
                $"Biometrics are recorded at center {appointment.CenterId} on {date}, the day of the appointment, by one of its agents.",
                ("centerId", appointment.CenterId), ("date", date));
        }
    }

    /// <summary>
    /// A card is handed over at the request's center, to someone whose identity the agent checked (the kind of proof is
    /// recorded, never its number), or to a pupil at the school of their enrolment (never a school typed at delivery).
    /// </summary>
    private DeliveryRecord Handover(DomainOperation operation, Actor actor, RequestCommand command, DateTimeOffset now)
    {
        var channel = command.DeliveryChannel ?? DeliveryChannel.Center;
        if (channel == DeliveryChannel.School)
        {
            if (S.Pupil is not { } pupil)
            {
                throw operation.Refuse(
                    ErrorCodes.PupilDeliveryOnly, $"Only pupils' cards are delivered at {SchemaText.Of(DeliveryChannel.School)}.",
                    ("channel", SchemaText.Of(channel)));
            }

            return new DeliveryRecord(channel, now, actor.Describe(), CenterId: null, command.IdentityCheck, pupil.SchoolCode);
        }

        if (command.IdentityCheck is not { } check)
        {
            throw operation.Refuse(
                ErrorCodes.ValidationFailed, $"A card handed over at the center needs the identity check the agent made ({SchemaText.Of(IdentityCheck.HolderBiometrics)}, ...).",
                ("field", "input.identityCheck"));
        }

        if (check == IdentityCheck.GuardianIdCard && S.Guardian is null)
        {
            throw operation.Refuse(
                ErrorCodes.ValidationFailed, $"{SchemaText.Of(IdentityCheck.GuardianIdCard)} is for a minor's card collected by the guardian named on the request.",
                ("field", "input.identityCheck"), ("identityCheck", SchemaText.Of(check)));
        }

        return new DeliveryRecord(channel, now, actor.Describe(), S.CenterId, check, SchoolCode: null);
    }

    /// <summary>
    /// The applied step: status, time, version, its history entry (the event is built from the result) and the new
    /// status's due date in working time of the center's calendar. A new status, or a new due date (a rescheduled
    /// appointment), starts the clock afresh: the overdue and escalation marks of the previous one go.
    /// </summary>
    private async Task Apply(Actor actor, RequestStatus to, long version, DateTimeOffset now, string? reason, RequestAction? action)
    {
        var dueAt = await DueFor(to, now);
        if (to != S.Status || dueAt != S.DueAt)
        {
            S.OverdueSince = null;
            S.EscalatedAt = null;
        }

        S.DueAt = dueAt;
        S.Status = to;
        S.PendingOn = null;
        S.PendingSince = null;
        S.UpdatedAt = now;
        S.Version = version;
        S.History.Add(new HistoryEntry(version, to, now, actor.Describe(), reason, action, CenterOf(actor)));
    }

    /// <summary>The center an agent acts from, kept in the history: citizens are shown "AGENT @ center" as it was then.</summary>
    private static string? CenterOf(Actor actor) => actor.Role == ActorRole.Agent ? actor.CenterId : null;

    private async Task<DateTimeOffset?> DueFor(RequestStatus status, DateTimeOffset since)
    {
        if (RequestTransitions.IsFinal(status))
        {
            return null;
        }

        var calendar = await CenterCalendarReader.Read(GrainFactory, S.CenterId);
        return calendar is { } found ? ServiceLevelTargets.DueAt(sla, status, S.Appointment, found.Calendar, found.Holidays, since) : null;
    }

    /// <summary>Only the request's clock (a system actor) marks it overdue or escalated, and only on a request that exists.</summary>
    private void EnsureClock(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != ActorRole.System)
        {
            throw new InvalidOperationException("Only the request clock marks a request overdue or escalated.");
        }

        if (!state.RecordExists)
        {
            throw new DomainException(DomainError.NotFound());
        }
    }

    private string AggregateId => S.Id.ToString("D");

    /// <summary>One step's write with its events (<see cref="GrainSteps{TState}.Commit"/>); then the events leave memory.</summary>
    private async Task Commit(IReadOnlyList<IDomainEvent> events)
    {
        await steps.Commit(AggregateId, events);
        DropCommittedEvents();
    }

    /// <summary>
    /// Written and published (the outbox row exists once the state's write committed; its trigger ignores a copy): a new
    /// list, not a cleared one, since the publisher may still hold the old one.
    /// </summary>
    private void DropCommittedEvents()
    {
        if (S.Outbox.Count > 0)
        {
            S.Outbox = [];
        }
    }

    /// <summary>Who writes the gateway's outcomes in histories.</summary>
    private static readonly Actor Gateway = Actor.System("payment-gateway");

    private void EnsureVisibleTo(Actor actor)
    {
        if (!state.RecordExists || !RequestAccess.IsInScope(actor, Owner, S.CenterId, S.Governorate))
        {
            throw new DomainException(DomainError.NotFound());
        }
    }

    private int? PaymentIndexOf(string orderId)
    {
        var index = S.Payments.FindIndex(p => p.OrderId == orderId);
        return index < 0 ? null : index;
    }

    /// <summary>A change that is not a step: the version and time move, the status and history do not.</summary>
    private void Touch(long version, DateTimeOffset now)
    {
        S.UpdatedAt = now;
        S.Version = version;
    }

    /// <summary>Seals the document for the holder; the document supersedes the holder's older extracts itself.</summary>
    private async Task IssueDocument(string number, DateTimeOffset issuedAt)
    {
        var applicant = S.Applicant ?? throw new InvalidOperationException("A purged request issues no document.");

        // Resolved here, not in the constructor: a silo without documents configured (some test clusters) still hosts requests.
        var holderKeys = ServiceProvider.GetRequiredService<IDocumentHolderKeys>();
        var issue = new DocumentIssue(
            number, S.Id, S.Kind, S.OwnerSubject, S.CenterId, S.Governorate, holderKeys.KeyOf(applicant),
            applicant.GivenName, applicant.FamilyName, applicant.GivenNameLatin, applicant.FamilyNameLatin, applicant.BirthDate, issuedAt,
            S.OwnerIssuer, S.OwnerNationalIdNumber, DocumentHolders.LegacyKeyOf(applicant));
        await GrainFactory.Reference<IIssuedDocumentGrain>(number).Issue(issue);
    }

    private CitizenRequestView ToView() => new(
        S.Id, S.Reference, S.Kind, S.Status, S.SubmittedAt, S.UpdatedAt, S.CenterId, S.Governorate, S.OwnerSubject,
        S.Applicant, S.IdCardReason, S.Pupil, S.Guardian, S.Contact, S.Purpose, S.Payment, S.Appointment,
        S.DeliveryChannel, S.DocumentCode, S.Version, S.History.ToList(), S.Payments.ToList(), S.PendingOn, S.PendingSince, S.Correction,
        S.NoShows, S.DueAt, S.OverdueSince, S.EscalatedAt, S.AppointmentNotice, S.Delivery, S.OwnerIssuer, S.OwnerNationalIdNumber, S.PurgedAt);

    private RequestOwner Owner => new(S.OwnerIssuer, S.OwnerSubject, S.OwnerNationalIdNumber);

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
