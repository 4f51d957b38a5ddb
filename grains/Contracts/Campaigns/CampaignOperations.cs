using Actors.Contracts.Errors;

namespace Actors.Contracts.Campaigns;

/// <summary>What the campaign grain offers, each with the refusals it may raise.</summary>
public static class CampaignOperations
{
    public static DomainOperation CreateCampaign { get; } = new("createCampaign",
        ErrorCodes.IdempotencyKeyReused, ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed, ErrorCodes.SchoolInAnotherCampaign);

    public static DomainOperation SetCampaignSchools { get; } = new("setCampaignSchools",
        ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed, ErrorCodes.SchoolInAnotherCampaign);

    public static IReadOnlyList<DomainOperation> All { get; } = [CreateCampaign, SetCampaignSchools];
}
