using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class SubmitCriminalRecordRequestInputType : InputObjectGraphType<SubmitCriminalRecordRequestInput>
{
    public SubmitCriminalRecordRequestInputType()
    {
        Name = "SubmitCriminalRecordRequestInput";
        Description = "A bulletin no. 3 extract, fully digital.";
        Field<NonNullGraphType<ApplicantInputType>>("applicant").Description("nationalIdNumber is required.");
        Field<NonNullGraphType<IdGraphType>>("centerId").Description("A center offering CRIMINAL_RECORD_EXTRACT, in PILOT or LIVE.");
        Field<NonNullGraphType<StringGraphType>>("purpose").Description("Why the extract is needed, 3 to 200 characters.");
        Field<ContactInputType>("contact");
        Field<StringGraphType>("idempotencyKey");
    }
}
