using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class GuardianInputType : InputObjectGraphType<GuardianInput>
{
    public GuardianInputType()
    {
        Name = "GuardianInput";
        Description = "Required for an applicant under 18, with consent given.";
        Field<NonNullGraphType<StringGraphType>>("fullName");
        Field<NonNullGraphType<StringGraphType>>("nationalIdNumber").Description("The guardian's card number, 8 digits.");
        Field<NonNullGraphType<StringGraphType>>("relationship").Description("e.g. father, mother, tutor.");
        Field<NonNullGraphType<BooleanGraphType>>("consentGiven");
    }
}
