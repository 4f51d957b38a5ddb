using GraphQL;
using GraphQL.Resolvers;

namespace Actors.Api.Authorization;

/// <summary>A subscription's source stream behind the matrix's verdict: a refused caller never subscribes.</summary>
public sealed class AuthorizedStreamResolver(AccessRule rule, ISourceStreamResolver inner) : ISourceStreamResolver
{
    public AccessRule Rule => rule;

    public ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
    {
        FieldAuthorization.Demand(rule, context);
        return inner.ResolveAsync(context);
    }
}
