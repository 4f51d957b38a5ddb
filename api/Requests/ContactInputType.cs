using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class ContactInputType : InputObjectGraphType<ContactInput>
{
    public ContactInputType()
    {
        Name = "ContactInput";
        Description = "Where notifications go.";
        Field<StringGraphType>("email");
        Field<StringGraphType>("phone").Description("Tunisian number: 8 digits, optionally prefixed +216.");
        Field<StringGraphType>("preferredLanguage").Description("ar or fr (default fr).");
    }
}
