using GraphQL.Types;

namespace Actors.Api.GraphQL.Errors;

public sealed class ErrorParameterType : ObjectGraphType<KeyValuePair<string, string>>
{
    public ErrorParameterType()
    {
        Name = "ErrorParameter";
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(ctx => ctx.Source.Value);
    }
}
