using Actors.Api.Geography;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class CampaignSchoolInputType : InputObjectGraphType<CampaignSchoolInput>
{
    public CampaignSchoolInputType()
    {
        Name = "CampaignSchoolInput";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The Ministry of Education's school code, 2 to 32 of A-Z, 0-9 and '-'.");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<GovernorateCodeType>>("governorate").Description("One of the campaign's governorates.");
        Field<NonNullGraphType<IntGraphType>>("target").Description("Pupils to see through to delivery, at least 1.");
    }
}
