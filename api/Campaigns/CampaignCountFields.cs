using GraphQL.Types;

namespace Actors.Api.Campaigns;

/// <summary>The progress figures, the same on the campaign, a school and a governorate.</summary>
public static class CampaignCountFields
{
    private const string Withheld = " Null when withheld (see CampaignProgress.suppressionThreshold).";

    public static void AddCountFields<TSource>(this ObjectGraphType<TSource> type, Func<TSource, CampaignFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(type);
        type.Field<NonNullGraphType<IntGraphType>>("target").Description("The planned number of pupils, always shown.")
            .Resolve(ctx => figures(ctx.Source).Target);
        type.Field<IntGraphType>("invited").Description("Enrolled pupils whose guardian was sent the invitation." + Withheld)
            .Resolve(ctx => figures(ctx.Source).Invited);
        type.Field<IntGraphType>("started").Description("Pupil requests submitted." + Withheld).Resolve(ctx => figures(ctx.Source).Started);
        type.Field<IntGraphType>("paid").Description(Withheld.Trim()).Resolve(ctx => figures(ctx.Source).Paid);
        type.Field<IntGraphType>("booked").Description(Withheld.Trim()).Resolve(ctx => figures(ctx.Source).Booked);
        type.Field<IntGraphType>("biometricsTaken").Description(Withheld.Trim()).Resolve(ctx => figures(ctx.Source).BiometricsTaken);
        type.Field<IntGraphType>("delivered").Description(Withheld.Trim()).Resolve(ctx => figures(ctx.Source).Delivered);
        type.Field<FloatGraphType>("targetReached")
            .Description("delivered / target, 0 to 1 (above 1 when the target is exceeded); null without a target or when delivered is withheld.")
            .Resolve(ctx => figures(ctx.Source).TargetReached);
        type.Field<NonNullGraphType<BooleanGraphType>>("suppressed").Description("True when any count here is withheld.")
            .Resolve(ctx => figures(ctx.Source).Suppressed);
    }
}
