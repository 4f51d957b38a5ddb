namespace Actors.Contracts.Errors;

/// <summary>
/// Every refusal a grain may raise, with the one sentence that describes it in the schema (the
/// payload error type's description). A code missing here cannot be declared by an operation, so
/// a new refusal is added in exactly one place and every mutation that may raise it lists it.
/// </summary>
public static class RefusalCatalogue
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [ErrorCodes.InvalidTransition] = "The step is not possible from the current status.",
        [ErrorCodes.NotAllowed] = "The caller's role or scope does not permit this step.",
        [ErrorCodes.ReasonRequired] = "This step must say why.",
        [ErrorCodes.VersionMismatch] = "The object changed since the caller read it.",
        [ErrorCodes.IdempotencyKeyReused] = "The idempotency key was used before with different input.",
        [ErrorCodes.ValidationFailed] = "The input breaks a domain rule.",
        [ErrorCodes.CenterAlreadyRegistered] = "A different center already has this code.",
        [ErrorCodes.CenterNotFound] = "No center has this id.",
        [ErrorCodes.InvalidCenterServices] = "The services break the separation of administrative and judicial services.",
        [ErrorCodes.CenterNotReady] = "The center's readiness does not allow this phase yet.",
        [ErrorCodes.CenterDoesNotOfferService] = "The center does not offer the service this request needs.",
        [ErrorCodes.CenterNotTakingRequests] = "The center is not in PILOT or LIVE phase.",
        [ErrorCodes.GuardianConsentRequired] = "An applicant under 18 needs a guardian who consents.",
        [ErrorCodes.BelowMinimumCardAge] = "The applicant is younger than the minimum age for a national ID card.",
        [ErrorCodes.PupilAgeOutOfRange] = "A pupil's age is outside the school age range.",
        [ErrorCodes.PaymentAmountMismatch] = "The amount paid is not the fee.",
        [ErrorCodes.AppointmentInPast] = "An appointment must be in the future.",
        [ErrorCodes.PupilDeliveryOnly] = "Only pupils' cards are delivered at school.",
        [ErrorCodes.FundNotFound] = "There is no fund for this year.",
        [ErrorCodes.FundAlreadyOpen] = "The fund of this year is already open with other appropriations.",
        [ErrorCodes.ProgrammeNotFound] = "The fund has no such programme line.",
        [ErrorCodes.MunicipalityNotFound] = "No municipality has this code.",
        [ErrorCodes.AppropriationExceeded] = "The amount exceeds what is available on the programme (appropriation - reserved - allocated).",
        [ErrorCodes.UnprogrammedExceeded] = "The amount exceeds the unprogrammed remainder.",
        [ErrorCodes.NotANewMunicipality] = "NEW_MUNICIPALITIES aid goes to new municipalities only.",
        [ErrorCodes.SegregationOfDuties] = "The fund manager who proposed cannot approve; another one must.",
        [ErrorCodes.DisbursementExceedsAllocation] = "The tranche exceeds what is left to disburse on the allocation.",
        [ErrorCodes.PaymentAttemptsExhausted] = "The request has had as many payment attempts as it may; an agent can record a payment at the desk.",
        [ErrorCodes.PaymentGatewayUnavailable] = "The payment gateway did not answer; the payment is kept and the same call can be retried later.",
        [ErrorCodes.SlotFull] = "Every desk of this slot is taken; choose another slot.",
        [ErrorCodes.SlotNotBookable] = "This is not a bookable slot: in the past, on a closed day, outside the center's hours, or at a center that takes no bookings for the service.",
        [ErrorCodes.NotAppointmentDay] = "This step happens at the booked center on the appointment's day.",
        [ErrorCodes.CalendarInvalid] = "The calendar entry is not consistent (dates, hours, desks or slot lengths).",
        [ErrorCodes.SchoolInAnotherCampaign] = "A school is already in another campaign whose period overlaps this one.",
        [ErrorCodes.SchoolNotInCampaign] = "The school is not one of the campaign's schools.",
        [ErrorCodes.CardOfAnotherSchool] = "A card is not a pupil's card of this school.",
        [ErrorCodes.CardNotReadyForDelivery] = "A card is not READY_FOR_DELIVERY at the caller's center (delivered, cancelled or never ready).",
        [ErrorCodes.CardInAnotherRound] = "A card is already in another open delivery round.",
        [ErrorCodes.NoCardsToDeliver] = "No card of this school is ready for delivery at the caller's center.",
        [ErrorCodes.HandoverMismatch] = "The handover must account for every card of the round exactly once (delivered or returned).",
        [ErrorCodes.NationalIdRequired] = "A citizen submits with a token that carries their national ID number (claim national_id).",
        [ErrorCodes.NotYourRequestToMake] = "A citizen submits for themselves (the applicant's card number is the token's) or, as guardian, for a minor (the guardian's card number is the token's).",
    };

    /// <summary>The codes of every refusal, in catalogue order.</summary>
    public static IReadOnlyCollection<string> Codes => Descriptions.Keys;

    public static bool Contains(string code) => Descriptions.ContainsKey(code);

    public static string Describe(string code) =>
        Descriptions.TryGetValue(code, out var description)
            ? description
            : throw new InvalidOperationException($"{code} is not in the refusal catalogue.");
}
