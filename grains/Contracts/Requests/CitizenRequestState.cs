using System.Text.Json.Serialization;
using Actors.Contracts.Interop;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Payments;

namespace Actors.Contracts.Requests;

/// <summary>
/// The persisted state of one request. Plain and serializable; stored as JSON, so members are only
/// ever added (a new optional member) and never renamed. SchemaVersion says which shape wrote it.
/// Outbox holds the events of the latest transition only: they are committed with the state.
/// </summary>
[GenerateSerializer]
public sealed class CitizenRequestState : IAggregateState
{
    public const int CurrentSchemaVersion = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    [Id(1)] public Guid Id { get; set; }
    [Id(2)] public string Reference { get; set; } = "";
    [Id(3)] public RequestKind Kind { get; set; }
    [Id(4)] public RequestStatus Status { get; set; }
    [Id(5)] public DateTimeOffset SubmittedAt { get; set; }
    [Id(6)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(7)] public string CenterId { get; set; } = "";
    [Id(8)] public string Governorate { get; set; } = "";
    /// <summary>The owner's subject; empty for a walk-in made at a desk (owned through <see cref="OwnerNationalIdNumber"/>).</summary>
    [Id(9)] public string OwnerSubject { get; set; } = "";
    [Id(10)] public Applicant? Applicant { get; set; }
    [Id(11)] public IdCardReason? IdCardReason { get; set; }
    [Id(12)] public PupilEnrolment? Pupil { get; set; }
    [Id(13)] public Guardian? Guardian { get; set; }
    [Id(14)] public ContactPoint? Contact { get; set; }
    [Id(15)] public string? Purpose { get; set; }
    [Id(16)] public PaymentRecord? Payment { get; set; }
    [Id(17)] public Appointment? Appointment { get; set; }
    [Id(18)] public DeliveryChannel? DeliveryChannel { get; set; }
    [Id(19)] public string? DocumentCode { get; set; }
    [Id(20)] public long Version { get; set; }
    [Id(21)] public List<HistoryEntry> History { get; set; } = [];
    [Id(22)] public string? IdempotencyKey { get; set; }
    [Id(23)] public string ApplicationFingerprint { get; set; } = "";
    [Id(24)]
    [JsonConverter(typeof(CommittedEventsJsonConverter))]
    public List<OutboxEvent> Outbox { get; set; } = [];
    [Id(25)] public List<Payment> Payments { get; set; } = [];
    [Id(26)] public OutsideSystem? PendingOn { get; set; }
    [Id(27)] public DateTimeOffset? PendingSince { get; set; }
    [Id(28)] public CorrectionNeeded? Correction { get; set; }
    [Id(29)] public int NoShows { get; set; }

    /// <summary>When the current status's service-level target ends (working time of the center's calendar); null when it has none.</summary>
    [Id(30)] public DateTimeOffset? DueAt { get; set; }
    [Id(31)] public DateTimeOffset? OverdueSince { get; set; }

    /// <summary>When the request was escalated to its governorate's supervisors (the second threshold).</summary>
    [Id(32)] public DateTimeOffset? EscalatedAt { get; set; }
    [Id(33)] public AppointmentNotice? AppointmentNotice { get; set; }
    [Id(35)] public DeliveryRecord? Delivery { get; set; }

    /// <summary>
    /// The issuer of the owner's token, with <see cref="OwnerSubject"/> the owner's identity. Empty in requests stored
    /// before ownership recorded issuers and in walk-ins: see <see cref="RequestAccess.LegacyIssuer"/>.
    /// </summary>
    [Id(36)] public string OwnerIssuer { get; set; } = "";

    /// <summary>The national ID number of the citizen the request belongs to, when known (a walk-in's only owner).</summary>
    [Id(37)] public string? OwnerNationalIdNumber { get; set; }

    /// <summary>When the retention purge removed the personal data (RetentionOptions); null while it is kept.</summary>
    [Id(50)] public DateTimeOffset? PurgedAt { get; set; }
}
