using GraphQL;

namespace Actors.Api.GraphQL.Relay;

/// <summary>
/// How <c>node(id:)</c> finds an object of each type. Each feature registers its types; the resolver
/// returns null when the object does not exist or the caller may not see it.
/// </summary>
public sealed class NodeResolvers
{
    private readonly Dictionary<string, Func<IResolveFieldContext, string, Task<object?>>> byType = new(StringComparer.Ordinal);

    public void Register(string typeName, Func<IResolveFieldContext, string, Task<object?>> resolve) => byType[typeName] = resolve;

    public async Task<object?> Resolve(IResolveFieldContext context, string id)
    {
        if (!GlobalId.TryDecode(id, out var typeName, out var key) || !byType.TryGetValue(typeName, out var resolve))
        {
            throw Errors.ApiErrors.BadInput("Malformed id.", "id");
        }

        return await resolve(context, key);
    }
}
