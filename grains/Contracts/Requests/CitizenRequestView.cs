using Actors.Contracts.Interop;
using Actors.Contracts.Requests.Payments;

namespace Actors.Contracts.Requests;

/// <summary>
/// A request as its grain knows it, returned to callers allowed to see it. <see cref="Applicant"/> is null once the
/// retention purge removed the personal data (<see cref="PurgedAt"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CitizenRequestView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Reference,
    [property: Id(2)] RequestKind Kind,
    [property: Id(3)] RequestStatus Status,
    [property: Id(4)] DateTimeOffset SubmittedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] string CenterId,
    [property: Id(7)] string Governorate,
    [property: Id(8)] string OwnerSubject,
    [property: Id(9)] Applicant? Applicant,
    [property: Id(10)] IdCardReason? IdCardReason,
    [property: Id(11)] PupilEnrolment? Pupil,
    [property: Id(12)] Guardian? Guardian,
    [property: Id(13)] ContactPoint? Contact,
    [property: Id(14)] string? Purpose,
    [property: Id(15)] PaymentRecord? Payment,
    [property: Id(16)] Appointment? Appointment,
    [property: Id(17)] DeliveryChannel? DeliveryChannel,
    [property: Id(18)] string? DocumentCode,
    [property: Id(19)] long Version,
    [property: Id(20)] IReadOnlyList<HistoryEntry> History,
    [property: Id(21)] IReadOnlyList<Payment>? Payments = null,
    [property: Id(22)] OutsideSystem? PendingOn = null,
    [property: Id(23)] DateTimeOffset? PendingSince = null,
    [property: Id(24)] CorrectionNeeded? Correction = null,
    [property: Id(25)] int NoShows = 0,
    [property: Id(26)] DateTimeOffset? DueAt = null,
    [property: Id(27)] DateTimeOffset? OverdueSince = null,
    [property: Id(28)] DateTimeOffset? EscalatedAt = null,
    [property: Id(29)] AppointmentNotice? AppointmentNotice = null,
    [property: Id(31)] DeliveryRecord? Delivery = null,
    [property: Id(32)] string OwnerIssuer = "",
    [property: Id(33)] string? OwnerNationalIdNumber = null,
    [property: Id(50)] DateTimeOffset? PurgedAt = null)
{
    public bool IsFinal => RequestTransitions.IsFinal(Status);
}
