using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class SetCampaignSchoolsInputType : InputObjectGraphType<SetCampaignSchoolsInput>
{
    public SetCampaignSchoolsInputType()
    {
        Name = "SetCampaignSchoolsInput";
        Field<NonNullGraphType<IdGraphType>>("campaignId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignSchoolInputType>>>>("schools")
            .Description("Replaces the campaign's schools; counters of pupils already counted stay.");
    }
}
