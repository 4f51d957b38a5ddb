using Actors.Api.GraphQL;
using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class ApplicantType : ObjectGraphType<Applicant>
{
    public ApplicantType()
    {
        Name = "Applicant";
        Description = "The person the document is for. Visible to the request's owner and the staff in its scope only.";
        Field<NonNullGraphType<StringGraphType>>("givenName").Resolve(ctx => ctx.Source.GivenName);
        Field<NonNullGraphType<StringGraphType>>("familyName").Resolve(ctx => ctx.Source.FamilyName);
        Field<StringGraphType>("givenNameLatin").Resolve(ctx => ctx.Source.GivenNameLatin);
        Field<StringGraphType>("familyNameLatin").Resolve(ctx => ctx.Source.FamilyNameLatin);
        Field<NonNullGraphType<DateScalar>>("birthDate").Resolve(ctx => ctx.Source.BirthDate);
        Field<StringGraphType>("birthPlace").Resolve(ctx => ctx.Source.BirthPlace);
        Field<StringGraphType>("nationalIdNumber").Description("8 digits, when the applicant already has a card.").Resolve(ctx => ctx.Source.NationalIdNumber);
    }
}
