using Actors.Api.GraphQL;
using Actors.Api.Geography;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class CreateCampaignInputType : InputObjectGraphType<CreateCampaignInput>
{
    public CreateCampaignInputType()
    {
        Name = "CreateCampaignInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("schoolYear").Description("e.g. 2026-2027.");
        Field<NonNullGraphType<DateScalar>>("startsOn");
        Field<NonNullGraphType<DateScalar>>("endsOn").Description("Inclusive; at most a year after startsOn.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GovernorateCodeType>>>>("governorates");
        Field<ListGraphType<NonNullGraphType<CampaignSchoolInputType>>>("schools").Description("May be set later with setCampaignSchools.");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("The same key returns the same campaign (a retried click creates one).");
    }
}
