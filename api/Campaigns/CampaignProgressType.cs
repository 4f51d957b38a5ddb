using Actors.Contracts.Campaigns;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class CampaignProgressType : ObjectGraphType<CampaignProgress>
{
    public CampaignProgressType()
    {
        Name = "CampaignProgress";
        Description = "Progress against the targets, counted from the pupils' request events (eventually consistent: a step shows within a moment).";
        this.AddCountFields(p => p.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignSchoolProgressType>>>>("bySchool").Description("By school code.")
            .Resolve(ctx => ctx.Source.BySchool);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignGovernorateProgressType>>>>("byGovernorate").Description("By governorate code.")
            .Resolve(ctx => ctx.Source.ByGovernorate);
    }
}
