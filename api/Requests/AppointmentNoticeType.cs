using Actors.Api.GraphQL;
using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class AppointmentNoticeType : ObjectGraphType<AppointmentNotice>
{
    public AppointmentNoticeType()
    {
        Name = "AppointmentNotice";
        Description = "The center moved the appointment (MOVED_BY_CENTER: the earliest free slot of the same center) or cancelled it "
            + "(CANCELLED_BY_CENTER: the request is PAID again, to book another slot), and why. The citizen is told by SMS/e-mail.";
        Field<NonNullGraphType<AppointmentNoticeKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(ctx => ctx.Source.Reason);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<AppointmentType>("previous").Description("The appointment the center could not keep.").Resolve(ctx => ctx.Source.Previous);
    }
}
