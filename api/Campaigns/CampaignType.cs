using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Geography;
using Actors.Contracts.Campaigns;
using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class CampaignType : ObjectGraphType<CampaignView>
{
    public const string TypeName = "Campaign";

    public CampaignType()
    {
        Name = TypeName;
        Description = "A campaign of the joint Education–Interior pupil pilot: its schools, their targets and its progress.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is CampaignView;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("schoolYear").Description("e.g. 2026-2027.").Resolve(ctx => ctx.Source.SchoolYear);
        Field<NonNullGraphType<DateScalar>>("startsOn").Resolve(ctx => ctx.Source.StartsOn);
        Field<NonNullGraphType<DateScalar>>("endsOn").Description("Inclusive.").Resolve(ctx => ctx.Source.EndsOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GovernorateType>>>>("governorates")
            .Resolve(ctx => ctx.Source.Governorates.Select(Governorates.Find).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignSchoolType>>>>("schools").Description("By code.")
            .Resolve(ctx => ctx.Source.Schools);
        Field<NonNullGraphType<CampaignProgressType>>("progress")
            .Resolve(ctx => CampaignSuppression.Apply(ctx.Source.Progress, ctx.Source.Schools, CampaignAccess.SuppressionThresholdFor(ctx.RequireCampaignReader())));
        Field<NonNullGraphType<IntGraphType>>("version").Description("Moves with every change, counters included.")
            .Resolve(ctx => (int)Math.Min(int.MaxValue, ctx.Source.Version));
    }
}
