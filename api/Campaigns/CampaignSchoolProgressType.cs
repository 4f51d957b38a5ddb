using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class CampaignSchoolProgressType : ObjectGraphType<CampaignGroupFigures>
{
    public CampaignSchoolProgressType()
    {
        Name = "CampaignSchoolProgress";
        Description = "One school's progress. Each request counts once per milestone, milestones being cumulative (a delivered card was also paid, booked...).";
        Field<NonNullGraphType<StringGraphType>>("schoolCode").Resolve(ctx => ctx.Source.Key);
        this.AddCountFields(s => s.Figures);
    }
}
