using Actors.Api.Geography;
using Actors.Contracts.Campaigns;
using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class CampaignSchoolType : ObjectGraphType<CampaignSchool>
{
    public CampaignSchoolType()
    {
        Name = "CampaignSchool";
        Description = "A school of a campaign, with how many of its pupils the campaign aims to see through the pathway.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The Ministry of Education's school code (a pupil request's pupil.schoolCode).")
            .Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<GovernorateType>>("governorate").Resolve(ctx => Governorates.Find(ctx.Source.Governorate));
        Field<NonNullGraphType<IntGraphType>>("target").Description("Pupils to see through to delivery.").Resolve(ctx => ctx.Source.Target);
    }
}
