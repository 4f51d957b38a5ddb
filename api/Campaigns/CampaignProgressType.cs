using Actors.Api.Progress;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class CampaignProgressType : ObjectGraphType<CampaignProgressFigures>
{
    public CampaignProgressType()
    {
        Name = "CampaignProgress";
        Description = "Progress against the targets, counted from the pupils' request events (eventually consistent: a step shows within a moment). "
                      + "Those who run campaigns (EDUCATION_OFFICER, SUPERVISOR) see exact counts; ANALYST and OPERATOR see counts from 1 to "
                      + $"{ProgressQueries.SuppressionThreshold - 1} withheld, and with them the next smallest wherever a withheld count could be "
                      + "worked out from a sum that is shown (a governorate is the sum of its schools, the campaign of its governorates and schools).";
        this.AddCountFields(p => p.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignSchoolProgressType>>>>("bySchool").Description("By school code.")
            .Resolve(ctx => ctx.Source.BySchool);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignGovernorateProgressType>>>>("byGovernorate").Description("By governorate code.")
            .Resolve(ctx => ctx.Source.ByGovernorate);
        Field<NonNullGraphType<IntGraphType>>("suppressionThreshold")
            .Description("Counts from 1 to this minus one are withheld for the caller (0 means nothing is withheld).")
            .Resolve(ctx => ctx.Source.SuppressionThreshold);
    }
}
