using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class ApplicantInputType : InputObjectGraphType<ApplicantInput>
{
    public ApplicantInputType()
    {
        Name = "ApplicantInput";
        Description = "Names as on the civil registry, in Arabic or Latin script (normalised to Unicode NFC).";
        Field<NonNullGraphType<StringGraphType>>("givenName").Description("1 to 80 letters.");
        Field<NonNullGraphType<StringGraphType>>("familyName").Description("1 to 80 letters.");
        Field<StringGraphType>("givenNameLatin");
        Field<StringGraphType>("familyNameLatin");
        Field<NonNullGraphType<DateScalar>>("birthDate").Description("Not in the future (Africa/Tunis), not before 1900.");
        Field<StringGraphType>("birthPlace");
        Field<StringGraphType>("nationalIdNumber").Description("Exactly 8 digits. Required except for a first issue, where it must be absent.");
    }
}
