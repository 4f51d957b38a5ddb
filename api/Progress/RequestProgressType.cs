using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Progress;

public sealed class RequestProgressType : ObjectGraphType<RequestProgress>
{
    public RequestProgressType()
    {
        Name = "RequestProgress";
        Field<LongGraphType>("total").Description("All requests matching the filter; null when suppressed.").Resolve(ctx => ctx.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgressGroupType>>>>("groups").Resolve(ctx => ctx.Source.Groups);
        Field<NonNullGraphType<DateTimeScalar>>("asOf").Description("How fresh the projection is.").Resolve(ctx => ctx.Source.AsOf);
        Field<NonNullGraphType<IntGraphType>>("suppressionThreshold")
            .Description("Counts from 1 to this minus one are withheld for analysts (0 means nothing is withheld).")
            .Resolve(ctx => ctx.Source.SuppressionThreshold);
    }
}
