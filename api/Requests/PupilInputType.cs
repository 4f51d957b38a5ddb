using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class PupilInputType : InputObjectGraphType<PupilInput>
{
    public PupilInputType()
    {
        Name = "PupilInput";
        Description = "The pupil pathway: the pupil's school in the joint Education–Interior campaign.";
        Field<NonNullGraphType<StringGraphType>>("schoolCode").Description("The Ministry of Education's school code: 3 to 20 of A-Z, 0-9, '-'.");
        Field<StringGraphType>("schoolName");
        Field<StringGraphType>("grade");
    }
}
