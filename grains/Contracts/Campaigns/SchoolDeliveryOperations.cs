using Actors.Contracts.Errors;

namespace Actors.Contracts.Campaigns;

/// <summary>What the school delivery round grain offers, each with the refusals it may raise.</summary>
public static class SchoolDeliveryOperations
{
    public static DomainOperation PrepareSchoolDelivery { get; } = new("prepareSchoolDelivery",
        ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed, ErrorCodes.IdempotencyKeyReused, ErrorCodes.SchoolNotInCampaign,
        ErrorCodes.CardOfAnotherSchool, ErrorCodes.CardNotReadyForDelivery, ErrorCodes.CardInAnotherRound, ErrorCodes.NoCardsToDeliver);

    public static DomainOperation DispatchSchoolDelivery { get; } = new("dispatchSchoolDelivery",
        ErrorCodes.NotAllowed, ErrorCodes.InvalidTransition);

    public static DomainOperation RecordSchoolHandover { get; } = new("recordSchoolHandover",
        ErrorCodes.NotAllowed, ErrorCodes.InvalidTransition, ErrorCodes.ValidationFailed, ErrorCodes.HandoverMismatch,
        ErrorCodes.CardNotReadyForDelivery);

    public static DomainOperation CancelSchoolDelivery { get; } = new("cancelSchoolDelivery",
        ErrorCodes.NotAllowed, ErrorCodes.InvalidTransition, ErrorCodes.ValidationFailed);

    public static IReadOnlyList<DomainOperation> All { get; } =
        [PrepareSchoolDelivery, DispatchSchoolDelivery, RecordSchoolHandover, CancelSchoolDelivery];
}
