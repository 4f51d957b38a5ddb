using Actors.Api.GraphQL;
using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class PublicHolidayType : ObjectGraphType<PublicHoliday>
{
    public const string TypeName = "PublicHoliday";

    public PublicHolidayType()
    {
        Name = TypeName;
        Description = "A national public holiday: every center is closed that day.";
        Field<NonNullGraphType<DateScalar>>("date").Resolve(ctx => ctx.Source.Date);
        Field<NonNullGraphType<StringGraphType>>("nameAr").Resolve(ctx => ctx.Source.NameAr);
        Field<NonNullGraphType<StringGraphType>>("nameFr").Resolve(ctx => ctx.Source.NameFr);
        Field<NonNullGraphType<StringGraphType>>("name").Description("In the caller's Accept-Language (French by default).")
            .Resolve(ctx => ctx.Localized(ctx.Source.NameAr, ctx.Source.NameFr));
    }
}
