using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class PupilEnrolmentType : ObjectGraphType<PupilEnrolment>
{
    public PupilEnrolmentType()
    {
        Name = "PupilEnrolment";
        Description = "The pupil pathway: the school enrolling the pupil in the joint Education–Interior campaign.";
        Field<NonNullGraphType<StringGraphType>>("schoolCode").Resolve(ctx => ctx.Source.SchoolCode);
        Field<StringGraphType>("schoolName").Resolve(ctx => ctx.Source.SchoolName);
        Field<StringGraphType>("grade").Resolve(ctx => ctx.Source.Grade);
    }
}
