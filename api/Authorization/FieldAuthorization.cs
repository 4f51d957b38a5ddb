using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Naming;
using GraphQL;

namespace Actors.Api.Authorization;

/// <summary>The API's verdict on one field for the caller of an operation, from the matrix's row.</summary>
public static class FieldAuthorization
{
    /// <summary>Returns when the caller has some scope; otherwise UNAUTHENTICATED (anonymous) or FORBIDDEN (a role).</summary>
    public static void Demand(AccessRule rule, IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.Actor();
        if (rule.For(caller) != AccessScope.None)
        {
            return;
        }

        if (caller is null)
        {
            throw ApiErrors.Unauthenticated();
        }

        var role = SchemaText.Of(caller.Role);
        var allowed = rule.AllowedRoles.Select(SchemaText.Of).ToList();
        if (!AuthorizationMatrix.RootTypes.Contains(AuthorizationMatrix.TypeOf(rule.Coordinate)))
        {
            throw ApiErrors.With(Contracts.Errors.ErrorCodes.Forbidden,
                $"{rule.Coordinate} is personal data that the role {role} may not read.", ("field", rule.Coordinate), ("role", role));
        }

        throw allowed.Count == 0
            ? ApiErrors.With(Contracts.Errors.ErrorCodes.Forbidden,
                $"{rule.Coordinate} has no rule in the authorization matrix: it is refused to every role.", ("field", rule.Coordinate), ("role", role))
            : ApiErrors.With(Contracts.Errors.ErrorCodes.Forbidden,
                $"This needs one of the roles {string.Join(", ", allowed)}.", ("field", rule.Coordinate), ("role", role));
    }
}
