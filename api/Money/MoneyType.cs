using GraphQL.Types;

namespace Actors.Api.Money;

/// <summary><c>type Money { millimes: Long! dinars: String! currency: String! }</c>: no floats near money.</summary>
public sealed class MoneyType : ObjectGraphType<Money>
{
    public MoneyType()
    {
        Name = "Money";
        Description = "An exact amount: integer millimes, and the same as a decimal string of dinars with three places.";
        Field<NonNullGraphType<LongGraphType>>("millimes").Resolve(ctx => ctx.Source.Millimes);
        Field<NonNullGraphType<StringGraphType>>("dinars").Description("Exact decimal, three places, e.g. \"138200000.000\".")
            .Resolve(ctx => ctx.Source.Dinars);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(_ => Money.Currency);
    }
}
