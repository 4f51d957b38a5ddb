using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class CorrectionNeededType : ObjectGraphType<CorrectionNeeded>
{
    public CorrectionNeededType()
    {
        Name = "CorrectionNeeded";
        Description = "What the citizen must correct before the request goes on (status NEEDS_CORRECTION).";
        Field<NonNullGraphType<CorrectionCodeType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<StringGraphType>("field").Description("The input field concerned, e.g. applicant.birthDate or pupil.schoolCode.").Resolve(ctx => ctx.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(ctx => ctx.Source.Reason);
    }
}
