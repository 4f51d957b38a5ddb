using Actors.Contracts.Campaigns;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class EnrolmentRejectionType : ObjectGraphType<EnrolmentRejection>
{
    public EnrolmentRejectionType()
    {
        Name = "EnrolmentRejection";
        Description = "A row of the file that was not enrolled.";
        Field<NonNullGraphType<IntGraphType>>("line").Description("The line in the file (1 is the header).").Resolve(ctx => ctx.Source.Line);
        Field<StringGraphType>("enrolmentId").Resolve(ctx => ctx.Source.EnrolmentId);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(ctx => ctx.Source.Reason);
    }
}
