using Actors.Api.Authorization;
using Actors.Api.Centers;
using Actors.Api.Documents;
using Actors.Api.Exchanges;
using Actors.Api.Geography;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Interop;
using Actors.Api.Money;
using Actors.Contracts.Documents;
using Actors.Contracts.Geography;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class CitizenRequestType : ObjectGraphType<CitizenRequestView>
{
    public const string TypeName = "CitizenRequest";

    public CitizenRequestType()
    {
        Name = TypeName;
        Description = "A citizen's request: a national ID card (the pupil pathway included) or a bulletin no. 3 extract.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is CitizenRequestView;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => Id(ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("reference").Description("Human-readable and unique, e.g. CIN-2026-8K2QF-4M7TZ.").Resolve(ctx => ctx.Source.Reference);
        Field<NonNullGraphType<RequestKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<RequestStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("isFinal").Description("EXPIRED, REJECTED, CANCELLED, DELIVERED, ISSUED, REFERRED are final.").Resolve(ctx => ctx.Source.IsFinal);
        Field<NonNullGraphType<DateTimeScalar>>("submittedAt").Resolve(ctx => ctx.Source.SubmittedAt);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(ctx => ctx.Source.UpdatedAt);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Increases at every step; pass it as expectedVersion to refuse acting on a stale view.").Resolve(ctx => ctx.Source.Version);
        Field<ServiceCenterType>("center").ResolveAsync(async ctx => await ctx.Service<CenterLookup>().Find(ctx.Source.CenterId));
        Field<NonNullGraphType<GovernorateType>>("governorate").Resolve(ctx => Governorates.Find(ctx.Source.Governorate));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoryEntryType>>>>("history")
            .Resolve(ctx => ctx.Source.History
                .Select(entry => entry with { Actor = ActorDisplay.ForCaller(ctx.Actor(), entry.Actor, entry.ActorCenterId ?? ctx.Source.CenterId, ctx.Source.Governorate) })
                .ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RequestActionType>>>>("availableActions")
            .Description("The steps the caller can take now; each is a mutation of the same name.")
            .Resolve(ctx => ctx.Actor() is { } actor ? RequestTransitions.AvailableFor(ctx.Source, actor) : Array.Empty<RequestAction>());
        Field<ApplicantType>("applicant")
            .Description("Null once the retention period of the request's final status has ended and its personal data was removed (see purgedAt).")
            .Resolve(ctx => ctx.Source.Applicant);
        Field<DateTimeScalar>("purgedAt")
            .Description("When the personal data (applicant, guardian, contact, purpose, the pupil's grade, reasons) was removed at the end of the retention period; the status, dates and counts stay.")
            .Resolve(ctx => ctx.Source.PurgedAt);
        Field<IdCardReasonType>("idCardReason").Resolve(ctx => ctx.Source.IdCardReason);
        Field<NonNullGraphType<BooleanGraphType>>("isPupil").Resolve(ctx => ctx.Source.Pupil is not null);
        Field<PupilEnrolmentType>("pupil").Resolve(ctx => ctx.Source.Pupil);
        Field<GuardianType>("guardian").Resolve(ctx => ctx.Source.Guardian);
        Field<ContactPointType>("contact").Resolve(ctx => ctx.Source.Contact);
        Field<StringGraphType>("purpose").Description("Why a bulletin no. 3 is requested.").Resolve(ctx => ctx.Source.Purpose);
        Field<NonNullGraphType<MoneyType>>("fee").Resolve(ctx => new Money.Money(RequestFees.For(ctx.Source.Kind)));
        Field<PaymentType>("payment").Description("The payment that paid the fee: online (the gateway's capture) or recorded at the desk.").Resolve(ctx => ctx.Source.Payment is { } payment
                ? payment with { RecordedBy = ActorDisplay.ForCaller(ctx.Actor(), payment.RecordedBy, ctx.Source.CenterId, ctx.Source.Governorate) }
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OnlinePaymentType>>>>("payments")
            .Description("Every online payment started for this request, oldest first (declined and refunded ones included).")
            .Resolve(ctx => (ctx.Source.Payments ?? []).Select(p => new OnlinePayment(p, ctx.Source)).ToList());
        Field<OutsideSystemType>("pendingOn")
            .Description("The outside system this request waits on because it did not answer; the pathway retries it, and an agent may take the step by hand.")
            .Resolve(ctx => ctx.Source.PendingOn);
        Field<DateTimeScalar>("pendingSince").Resolve(ctx => ctx.Source.PendingSince);
        Field<DateTimeScalar>("dueAt")
            .Description("When the current status's service-level target ends, in working time of the center's calendar (weekends, holidays and closures do not count); null in final statuses.")
            .Resolve(ctx => ctx.Source.DueAt);
        Field<DateTimeScalar>("overdueSince")
            .Description("Set (to dueAt) once the request has passed its target in its current status; cleared when the status changes.")
            .Resolve(ctx => ctx.Source.OverdueSince);
        Field<DateTimeScalar>("escalatedAt")
            .Description("When the overdue request was escalated to its governorate's supervisors (the second threshold); cleared when the status changes.")
            .Resolve(ctx => ctx.Source.EscalatedAt);
        Field<CorrectionNeededType>("correction").Description("What to correct, while NEEDS_CORRECTION.").Resolve(ctx => ctx.Source.Correction);
        Field<AppointmentType>("appointment").Resolve(ctx => ctx.Source.Appointment);
        Field<AppointmentNoticeType>("appointmentNotice")
            .Description("Set when the center moved or cancelled the appointment (a closure, a suspension), until the next booking by the citizen.")
            .Resolve(ctx => ctx.Source.AppointmentNotice);
        Field<DeliveryChannelType>("deliveryChannel").Resolve(ctx => ctx.Source.DeliveryChannel);
        Field<RequestWaitingType>("waiting")
            .Description("Set while the request's center cannot take it further (suspended, or the service withdrawn), with why.")
            .ResolveAsync(async ctx => RequestWaiting.Of(ctx.Source, await ctx.Service<CenterLookup>().Find(ctx.Source.CenterId)));
        Field<DeliveryType>("delivery").Description("How the card was handed over, once DELIVERED.")
            .Resolve(ctx => ctx.Source.Delivery is { } delivery
                ? delivery with { By = ActorDisplay.ForCaller(ctx.Actor(), delivery.By, ctx.Source.CenterId, ctx.Source.Governorate) }
                : null);
        Field<StringGraphType>("documentCode")
            .Description("Verification code of an issued digital extract; shown to its owner only.")
            .Resolve(ctx => ctx.Actor() is { Role: ActorRole.Citizen } actor && RequestAccess.IsOwner(actor, RequestOwner.Of(ctx.Source)) ? ctx.Source.DocumentCode : null);
        Field<IssuedDocumentType>("document")
            .Description("The signed document once ISSUED (bulletin no. 3): its standing, QR text and PDF path; for its owner, the center's agents and the governorate's supervisors.")
            .ResolveAsync(async ctx => ctx.Source.DocumentCode is { } number && ctx.Actor() is { } actor
                && await ctx.Service<IGrainFactory>().Reference<IIssuedDocumentGrain>(number).Read(actor) is { } document
                    ? document with { Revocation = document.Revocation is { } revocation
                        ? revocation with { By = ActorDisplay.ForCaller(actor, revocation.By, ctx.Source.CenterId, ctx.Source.Governorate) }
                        : null }
                    : null);
        this.AddRequestExchanges();
    }

    public static string Id(Guid id) => GlobalId.Encode(TypeName, id);
}
