namespace Actors.Contracts.Naming;

/// <summary>
/// Storage provider and state names. Each grain type has its own state name: with the ADO.NET
/// provider the state name is part of the row key, so two types sharing one would collide.
/// </summary>
public static class StorageNames
{
    /// <summary>The provider every domain grain persists through (memory or PostgreSQL).</summary>
    public const string Domain = "actors";

    /// <summary>Orleans' stream pub-sub bookkeeping.</summary>
    public const string PubSub = "PubSubStore";

    public const string CitizenRequestState = "citizen-request";
    public const string ServiceCenterState = "service-center";
    public const string CenterDirectoryState = "center-directory";
    public const string IssuedDocumentState = "issued-document";
    public const string DocumentHolderState = "document-holder";
    public const string HolderKeyBackfillState = "holder-key-backfill";
    public const string DocumentCheckLogState = "document-check-log";
    public const string FundState = "fund";
    public const string MunicipalityRegistryState = "municipality-registry";
    public const string AmendmentRegisterState = "amendment-register";
    public const string RequestPathwayState = "request-pathway";
    public const string SandboxNotificationOutboxState = "sandbox-notification-outbox";
    public const string SandboxGatewayOrderState = "sandbox-gateway-order";
    public const string SandboxGatewayRefundState = "sandbox-gateway-refund";
    public const string NationalCalendarState = "national-calendar";
    public const string CenterDayScheduleState = "center-day-schedule";
    public const string CampaignState = "campaign";
    public const string CampaignDirectoryState = "campaign-directory";
    public const string SchoolEnrolmentState = "school-enrolment";
    public const string EnrolmentImportState = "enrolment-import";
    public const string SchoolDeliveryRoundState = "school-delivery-round";
    public const string SchoolDeliveryBoardState = "school-delivery-board";
    public const string EnrolmentRegistryState = "enrolment-registry";
    public const string RetentionState = "retention";
    public const string RetentionDayState = "retention-day";
}
