namespace Actors.Contracts.Errors;

/// <summary>Every stable error code in one place, shared by grains and the GraphQL layer.</summary>
public static class ErrorCodes
{
    // GraphQL-level (extensions.code)
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string Internal = "INTERNAL_SERVER_ERROR";

    /// <summary>
    /// The cluster did not answer for the operation (a server lost, or too slow to answer): a mutation may or may not
    /// have been applied. Send the same operation again after extensions.retryAfterSeconds: with the same idempotency
    /// key or expected version it is applied at most once.
    /// </summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>Too many calls from one client or on one object; extensions.retryAfterSeconds says when to try again.</summary>
    public const string RateLimited = "RATE_LIMITED";

    // Transport (GraphQL over HTTP refusals, before anything executes)
    public const string BadRequest = "BAD_REQUEST";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";

    /// <summary>Ends a live subscription whose stream failed: read the object again and subscribe again.</summary>
    public const string LiveUpdatesInterrupted = "LIVE_UPDATES_INTERRUPTED";

    // Domain (payload errors)
    public const string InvalidTransition = "INVALID_TRANSITION";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string CenterNotFound = "CENTER_NOT_FOUND";
    public const string CenterDoesNotOfferService = "CENTER_DOES_NOT_OFFER_SERVICE";
    public const string CenterNotTakingRequests = "CENTER_NOT_TAKING_REQUESTS";
    public const string CenterAlreadyRegistered = "CENTER_ALREADY_REGISTERED";
    public const string InvalidCenterServices = "INVALID_CENTER_SERVICES";
    public const string ReasonRequired = "REASON_REQUIRED";
    public const string NotAllowed = "NOT_ALLOWED";
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string VersionMismatch = "VERSION_MISMATCH";
    public const string PaymentAmountMismatch = "PAYMENT_AMOUNT_MISMATCH";
    public const string AppointmentInPast = "APPOINTMENT_IN_PAST";
    public const string CenterNotReady = "CENTER_NOT_READY";
    public const string PupilDeliveryOnly = "SCHOOL_DELIVERY_FOR_PUPILS_ONLY";
    public const string GuardianConsentRequired = "GUARDIAN_CONSENT_REQUIRED";
    public const string BelowMinimumCardAge = "BELOW_MINIMUM_CARD_AGE";
    public const string PupilAgeOutOfRange = "PUPIL_AGE_OUT_OF_RANGE";
    public const string FundNotFound = "FUND_NOT_FOUND";
    public const string FundAlreadyOpen = "FUND_ALREADY_OPEN";
    public const string ProgrammeNotFound = "PROGRAMME_NOT_FOUND";
    public const string MunicipalityNotFound = "MUNICIPALITY_NOT_FOUND";
    public const string AppropriationExceeded = "APPROPRIATION_EXCEEDED";
    public const string UnprogrammedExceeded = "UNPROGRAMMED_EXCEEDED";
    public const string NotANewMunicipality = "NOT_A_NEW_MUNICIPALITY";
    public const string SegregationOfDuties = "SEGREGATION_OF_DUTIES";
    public const string DisbursementExceedsAllocation = "DISBURSEMENT_EXCEEDS_ALLOCATION";
    public const string PaymentAttemptsExhausted = "PAYMENT_ATTEMPTS_EXHAUSTED";
    public const string PaymentGatewayUnavailable = "PAYMENT_GATEWAY_UNAVAILABLE";
    public const string SlotFull = "SLOT_FULL";
    public const string SlotNotBookable = "SLOT_NOT_BOOKABLE";
    public const string NotAppointmentDay = "NOT_APPOINTMENT_DAY";
    public const string CalendarInvalid = "CALENDAR_INVALID";
    public const string SchoolInAnotherCampaign = "SCHOOL_IN_ANOTHER_CAMPAIGN";
    public const string SchoolNotInCampaign = "SCHOOL_NOT_IN_CAMPAIGN";
    public const string CardOfAnotherSchool = "CARD_OF_ANOTHER_SCHOOL";
    public const string CardNotReadyForDelivery = "CARD_NOT_READY_FOR_DELIVERY";
    public const string CardInAnotherRound = "CARD_IN_ANOTHER_ROUND";
    public const string NoCardsToDeliver = "NO_CARDS_TO_DELIVER";
    public const string HandoverMismatch = "HANDOVER_MISMATCH";

    // Ownership (issue 13): who a citizen may submit for.
    public const string NationalIdRequired = "NATIONAL_ID_REQUIRED";
    public const string NotYourRequestToMake = "NOT_YOUR_REQUEST_TO_MAKE";
}
