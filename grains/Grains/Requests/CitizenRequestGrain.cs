using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Centers;
using Actors.Contracts.Documents;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Actors.Grains.Documents;
using Actors.Grains.Persistence;

namespace Actors.Grains.Requests;

/// <summary>
/// One citizen request. Every step goes: check (table, scope, step data) → apply to state with a
/// history entry and the outbox event → persist (one write) → publish. A refused step throws a
/// DomainException before anything changes; a failed write reloads the stored state.
/// </summary>
public sealed class CitizenRequestGrain(
    [PersistentState(StorageNames.CitizenRequestState, StorageNames.Domain)] IPersistentState<CitizenRequestState> state,
    IOutboxPublisher outbox,
    TimeProvider clock) : Grain, ICitizenRequestGrain
{
    private CitizenRequestState S => state.State;

    public Task<CitizenRequestView> SubmitIdCard(Actor actor, IdCardApplication application) =>
        Submit(actor, RequestKind.NationalIdCard, application.CenterId, application.IdempotencyKey, Fingerprint(application), s =>
        {
            s.Applicant = application.Applicant;
            s.IdCardReason = application.Reason;
            s.Pupil = application.Pupil;
            s.Guardian = application.Guardian;
            s.Contact = application.Contact;
        });

    public Task<CitizenRequestView> SubmitCriminalRecord(Actor actor, CriminalRecordApplication application) =>
        Submit(actor, RequestKind.CriminalRecordExtract, application.CenterId, application.IdempotencyKey, Fingerprint(application), s =>
        {
            s.Applicant = application.Applicant;
            s.Purpose = application.Purpose;
            s.Contact = application.Contact;
        });

    public Task<CitizenRequestView?> Find(Actor actor) =>
        Task.FromResult(state.RecordExists && RequestAccess.IsInScope(actor, S.OwnerSubject, S.CenterId, S.Governorate)
            ? ToView()
            : null);

    public async Task<CitizenRequestView> Perform(Actor actor, RequestCommand command)
    {
        if (!state.RecordExists || !RequestAccess.IsInScope(actor, S.OwnerSubject, S.CenterId, S.Governorate))
        {
            throw new DomainException(DomainError.Of(ErrorCodes.NotFound, "No such request."));
        }

        var row = RequestTransitions.For(command.Action);
        if (!RequestTransitions.Allows(command.Action, S.Kind, S.Status))
        {
            throw new DomainException(DomainError.Of(
                ErrorCodes.InvalidTransition,
                $"{command.Action} is not possible for a {S.Kind} request in status {S.Status}.",
                ("action", command.Action.ToString()), ("status", S.Status.ToString()), ("kind", S.Kind.ToString())));
        }

        if (!RequestTransitions.MayAct(row, actor, S.OwnerSubject, S.CenterId, S.Governorate))
        {
            throw new DomainException(DomainError.Of(
                ErrorCodes.NotAllowed, $"A {actor.Role} may not {command.Action} this request.",
                ("action", command.Action.ToString()), ("role", actor.Role.ToString())));
        }

        if (command.ExpectedVersion is { } expected && expected != S.Version)
        {
            throw new DomainException(DomainError.Of(
                ErrorCodes.VersionMismatch, "The request changed since it was read; reload it and try again.",
                ("expectedVersion", expected.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("currentVersion", S.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (row.ReasonRequired && reason is null)
        {
            throw new DomainException(DomainError.Of(
                ErrorCodes.ReasonRequired, $"{command.Action} needs a reason.", ("action", command.Action.ToString())));
        }

        var now = clock.GetUtcNow();
        var effect = await CheckStepData(actor, command, now);
        effect?.Invoke(S);
        await Commit(actor, row.To, now, reason, command.Action);
        return ToView();
    }

    private async Task<CitizenRequestView> Submit(
        Actor actor, RequestKind kind, string centerId, string? idempotencyKey, string fingerprint, Action<CitizenRequestState> fill)
    {
        if (state.RecordExists)
        {
            if (S.OwnerSubject == actor.Subject && S.ApplicationFingerprint == fingerprint && S.Kind == kind)
            {
                return ToView();
            }

            throw new DomainException(DomainError.Of(
                ErrorCodes.IdempotencyKeyReused,
                "This idempotency key was already used for a different submission.",
                ("idempotencyKey", idempotencyKey ?? "")));
        }

        if (actor.Role is not (ActorRole.Citizen or ActorRole.EducationOfficer or ActorRole.Agent))
        {
            throw new DomainException(DomainError.Of(
                ErrorCodes.NotAllowed, $"A {actor.Role} may not submit requests.", ("role", actor.Role.ToString())));
        }

        var center = await GrainFactory.GetGrain<IServiceCenterGrain>(centerId).Find()
            ?? throw new DomainException(DomainError.Of(ErrorCodes.CenterNotFound, $"No center {centerId}.", ("centerId", centerId)));
        var service = CenterServices.Needed(kind);
        if (!center.Offers(service))
        {
            throw new DomainException(DomainError.Of(
                ErrorCodes.CenterDoesNotOfferService, $"Center {centerId} does not offer {service}.",
                ("centerId", centerId), ("service", service.ToString())));
        }

        if (!center.TakesRequests)
        {
            throw new DomainException(DomainError.Of(
                ErrorCodes.CenterNotTakingRequests, $"Center {centerId} is {center.Phase} and takes no requests yet.",
                ("centerId", centerId), ("phase", center.Phase.ToString())));
        }

        if (actor.Role == ActorRole.Agent && actor.CenterId != centerId)
        {
            throw new DomainException(DomainError.Of(
                ErrorCodes.NotAllowed, "An agent submits requests for their own center only.", ("centerId", centerId)));
        }

        var now = clock.GetUtcNow();
        var id = this.GetPrimaryKey();
        S.Id = id;
        S.Kind = kind;
        S.Reference = RequestKeys.ReferenceFor(id, kind, now);
        S.SubmittedAt = now;
        S.CenterId = center.Code;
        S.Governorate = center.Profile.Governorate;
        S.OwnerSubject = actor.Subject;
        S.IdempotencyKey = idempotencyKey;
        S.ApplicationFingerprint = fingerprint;
        fill(S);
        await Commit(actor, RequestStatus.Submitted, now, null, null);
        return ToView();
    }

    /// <summary>Checks what a step needs beyond the table; returns the change it makes to the state, if any.</summary>
    private async Task<Action<CitizenRequestState>?> CheckStepData(Actor actor, RequestCommand command, DateTimeOffset now)
    {
        switch (command.Action)
        {
            case RequestAction.RecordPayment:
                var fee = RequestFees.For(S.Kind);
                if (string.IsNullOrWhiteSpace(command.PaymentReference) || command.AmountMillimes != fee)
                {
                    throw new DomainException(DomainError.Of(
                        ErrorCodes.PaymentAmountMismatch, $"The fee is {fee} millimes, paid with a payment reference.",
                        ("expectedMillimes", fee.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("paidMillimes", command.AmountMillimes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")));
                }

                return s => s.Payment = new PaymentRecord(command.PaymentReference.Trim(), fee, now, actor.Describe());

            case RequestAction.BookAppointment:
                if (command.AppointmentAt is not { } at || at <= now)
                {
                    throw new DomainException(DomainError.Of(ErrorCodes.AppointmentInPast, "An appointment must be in the future."));
                }

                var center = await GrainFactory.GetGrain<IServiceCenterGrain>(S.CenterId).Find();
                if (center is null || !center.TakesRequests)
                {
                    throw new DomainException(DomainError.Of(
                        ErrorCodes.CenterNotTakingRequests, $"Center {S.CenterId} takes no bookings now.", ("centerId", S.CenterId)));
                }

                return s => s.Appointment = new Appointment(S.CenterId, at);

            case RequestAction.ConfirmDelivery:
                var channel = command.DeliveryChannel ?? DeliveryChannel.Center;
                if (channel == DeliveryChannel.School && S.Pupil is null)
                {
                    throw new DomainException(DomainError.Of(ErrorCodes.PupilDeliveryOnly, "Only pupils' cards are delivered at school."));
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

    private async Task Commit(Actor actor, RequestStatus to, DateTimeOffset now, string? reason, RequestAction? action)
    {
        S.Status = to;
        S.UpdatedAt = now;
        S.Version++;
        S.History.Add(new HistoryEntry(S.Version, to, now, actor.Describe(), reason, action));
        var entry = RequestIndexEntry.From(ToView());
        S.Outbox =
        [
            new OutboxEvent(AggregateTypes.CitizenRequest, S.Id.ToString("D"), S.Version,
                OutboxEventTypes.CitizenRequestChanged, OutboxJson.Serialize(entry), now),
        ];
        await state.WriteOrRestoreAsync(this);
        await outbox.PublishAsync(S.Outbox);
    }

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

    private static string Fingerprint<T>(T application) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(OutboxJson.Serialize(application))));
}
