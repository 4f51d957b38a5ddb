using Actors.Contracts.Campaigns;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

/// <summary>The progress figures, the same on the campaign, a school and a governorate.</summary>
public static class CampaignCountFields
{
    public static void AddCountFields<TSource>(this ObjectGraphType<TSource> type, Func<TSource, CampaignCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(type);
        type.Field<NonNullGraphType<IntGraphType>>("target").Resolve(ctx => counts(ctx.Source).Target);
        type.Field<NonNullGraphType<IntGraphType>>("invited").Description("Enrolled pupils whose guardian was sent the invitation.")
            .Resolve(ctx => counts(ctx.Source).Invited);
        type.Field<NonNullGraphType<IntGraphType>>("started").Description("Pupil requests submitted.").Resolve(ctx => counts(ctx.Source).Started);
        type.Field<NonNullGraphType<IntGraphType>>("paid").Resolve(ctx => counts(ctx.Source).Paid);
        type.Field<NonNullGraphType<IntGraphType>>("booked").Resolve(ctx => counts(ctx.Source).Booked);
        type.Field<NonNullGraphType<IntGraphType>>("biometricsTaken").Resolve(ctx => counts(ctx.Source).BiometricsTaken);
        type.Field<NonNullGraphType<IntGraphType>>("delivered").Resolve(ctx => counts(ctx.Source).Delivered);
        type.Field<FloatGraphType>("targetReached").Description("delivered / target, 0 to 1 (above 1 when the target is exceeded); null without a target.")
            .Resolve(ctx => counts(ctx.Source).TargetReached);
    }
}
