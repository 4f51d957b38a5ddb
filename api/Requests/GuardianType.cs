using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class GuardianType : ObjectGraphType<Guardian>
{
    public GuardianType()
    {
        Name = "Guardian";
        Field<NonNullGraphType<StringGraphType>>("fullName").Resolve(ctx => ctx.Source.FullName);
        Field<NonNullGraphType<StringGraphType>>("relationship").Resolve(ctx => ctx.Source.Relationship);
        Field<NonNullGraphType<BooleanGraphType>>("consentGiven").Resolve(ctx => ctx.Source.ConsentGiven);
        Field<NonNullGraphType<StringGraphType>>("nationalIdNumberMasked").Description("Last two digits only.")
            .Resolve(ctx => "******" + ctx.Source.NationalIdNumber[^2..]);
    }
}
