using GraphQL;
using GraphQL.Resolvers;

namespace Actors.Api.Authorization;

/// <summary>A field's resolver behind the matrix's verdict: a refused caller never reaches it.</summary>
public sealed class AuthorizedFieldResolver(AccessRule rule, IFieldResolver inner) : IFieldResolver
{
    public AccessRule Rule => rule;

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        FieldAuthorization.Demand(rule, context);
        return inner.ResolveAsync(context);
    }
}
