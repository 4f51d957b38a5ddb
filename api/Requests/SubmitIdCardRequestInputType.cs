using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class SubmitIdCardRequestInputType : InputObjectGraphType<SubmitIdCardRequestInput>
{
    public SubmitIdCardRequestInputType()
    {
        Name = "SubmitIdCardRequestInput";
        Description = "A national ID card request. The pupil pathway is a request with `pupil` set.";
        Field<NonNullGraphType<IdCardReasonType>>("reason");
        Field<NonNullGraphType<ApplicantInputType>>("applicant");
        Field<NonNullGraphType<IdGraphType>>("centerId").Description("A center offering NATIONAL_ID_CARD, in PILOT or LIVE.");
        Field<PupilInputType>("pupil");
        Field<GuardianInputType>("guardian");
        Field<ContactInputType>("contact");
        Field<StringGraphType>("idempotencyKey").Description("Retrying with the same key returns the same request; 1 to 100 of A-Z a-z 0-9 - _ : .");
    }
}
