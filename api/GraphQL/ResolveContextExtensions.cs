using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Identity;
using GraphQL;

namespace Actors.Api.GraphQL;

public static class ResolveContextExtensions
{
    public static GraphQLUserContext UserContextOf(this IResolveFieldContext context) =>
        context.UserContext as GraphQLUserContext ?? new GraphQLUserContext(null, null);

    public static Actor? Actor(this IResolveFieldContext context) => context.UserContextOf().Actor;

    /// <summary>The signed-in caller, or an UNAUTHENTICATED error.</summary>
    public static Actor RequireActor(this IResolveFieldContext context) =>
        context.Actor() ?? throw ApiErrors.Unauthenticated();

    /// <summary>The signed-in caller with one of the roles, or UNAUTHENTICATED / FORBIDDEN.</summary>
    public static Actor RequireRole(this IResolveFieldContext context, params ActorRole[] roles)
    {
        var actor = context.RequireActor();
        return roles.Contains(actor.Role) ? actor : throw ApiErrors.Forbidden($"This needs one of the roles {string.Join(", ", roles.Select(r => r.ToString()))}.");
    }

    /// <summary>Picks the Arabic or the French text by the caller's Accept-Language (French by default).</summary>
    public static string Localized(this IResolveFieldContext context, string arabic, string french) =>
        context.UserContextOf().Language == "ar" ? arabic : french;

    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        (T)(context.RequestServices ?? throw new InvalidOperationException("No request services.")).GetService(typeof(T))!;
}
