using Actors.Api.Geography;
using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class CampaignGovernorateProgressType : ObjectGraphType<CampaignGroupFigures>
{
    public CampaignGovernorateProgressType()
    {
        Name = "CampaignGovernorateProgress";
        Description = "The sum of the campaign's schools of one governorate.";
        Field<NonNullGraphType<GovernorateType>>("governorate").Resolve(ctx => Governorates.Find(ctx.Source.Key));
        this.AddCountFields(s => s.Figures);
    }
}
