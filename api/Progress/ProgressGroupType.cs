using System.Globalization;
using Actors.Api.Centers;
using Actors.Api.Geography;
using Actors.Api.GraphQL;
using Actors.Api.Requests;
using Actors.Contracts.Geography;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using GraphQL.Types;

namespace Actors.Api.Progress;

public sealed class ProgressGroupType : ObjectGraphType<ProgressGroup>
{
    public ProgressGroupType()
    {
        Name = "ProgressGroup";
        Description = "One group; the fields of the dimensions not grouped by are null.";
        Field<RequestKindType>("kind").Resolve(ctx => Value(ctx.Source, RequestDimension.Kind) is { } v ? Enum.Parse<RequestKind>(v) : null);
        Field<RequestStatusType>("status").Resolve(ctx => Value(ctx.Source, RequestDimension.Status) is { } v ? Enum.Parse<RequestStatus>(v) : null);
        Field<GovernorateType>("governorate").Resolve(ctx => Value(ctx.Source, RequestDimension.Governorate) is { } v ? Governorates.Find(v) : null);
        Field<ServiceCenterType>("center").ResolveAsync(async ctx =>
            Value(ctx.Source, RequestDimension.Center) is { } v ? await ctx.Service<CenterLookup>().Find(v) : null);
        Field<BooleanGraphType>("isPupil").Resolve(ctx => Value(ctx.Source, RequestDimension.IsPupil) is { } v ? v == "true" : null);
        Field<DateScalar>("submittedDay").Resolve(ctx =>
            Value(ctx.Source, RequestDimension.SubmittedDay) is { } v ? DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
        Field<StringGraphType>("schoolCode").Description("A pupil's school; null for requests that are not a pupil's.")
            .Resolve(ctx => Value(ctx.Source, RequestDimension.School));
        Field<StringGraphType>("submittedMonth").Description("yyyy-MM in Africa/Tunis.")
            .Resolve(ctx => Value(ctx.Source, RequestDimension.SubmittedMonth));
        Field<LongGraphType>("count").Description("Null when suppressed.").Resolve(ctx => ctx.Source.Count);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed")
            .Description("True when the group is smaller than the suppression threshold and the count is withheld.")
            .Resolve(ctx => ctx.Source.Suppressed);
    }

    private static string? Value(ProgressGroup group, RequestDimension dimension) => group.Key.GetValueOrDefault(dimension);
}
