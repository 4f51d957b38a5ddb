using Actors.Api.Geography;
using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class RequestWhereInputType : InputObjectGraphType<RequestWhere>
{
    public RequestWhereInputType()
    {
        Name = "RequestWhereInput";
        Description = "All conditions are combined with AND; an empty list means any. The caller's scope always applies on top.";
        Field<ListGraphType<NonNullGraphType<RequestKindType>>>("kinds");
        Field<ListGraphType<NonNullGraphType<RequestStatusType>>>("statuses");
        Field<ListGraphType<NonNullGraphType<GovernorateCodeType>>>("governorates");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("centerIds").Description("Global ids of centers.");
        Field<DateTimeScalar>("submittedFrom").Description("Inclusive.");
        Field<DateTimeScalar>("submittedBefore").Description("Exclusive.");
        Field<BooleanGraphType>("isPupil").Description("Only the pupil pathway (true) or only the others (false).");
        Field<BooleanGraphType>("overdue").Description("Only requests past their current status's target (true: overdueSince is set) or only the others (false).");
        Field<DateScalar>("submittedFromDay").Description("The first day of submission in Africa/Tunis, inclusive (combined with submittedFrom/submittedBefore when both are given).");
        Field<DateScalar>("submittedToDay").Description("The last day of submission in Africa/Tunis, inclusive.");
        Field<StringGraphType>("schoolCode").Description("Only pupils enrolled by this school (its Ministry of Education code).");
        Field<BooleanGraphType>("escalated").Description("Only requests escalated to their governorate's supervisors (true) or only the others (false).");
    }
}
