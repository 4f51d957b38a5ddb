using Actors.Contracts.Identity;

namespace Actors.Api.Authorization;

/// <summary>One row of the authorization matrix: what an anonymous caller and each role may do with one coordinate.</summary>
public sealed record AccessRule(string Coordinate, AccessScope Anonymous, IReadOnlyDictionary<ActorRole, AccessScope> Roles)
{
    /// <summary>A row nobody may use: what a field missing from the matrix gets, so that forgetting a rule fails closed.</summary>
    public static AccessRule Nobody(string coordinate) => new(coordinate, AccessScope.None, new Dictionary<ActorRole, AccessScope>());

    /// <summary>The scope of a caller (null when anonymous); a role the row does not name has none.</summary>
    public AccessScope For(Actor? caller) =>
        caller is null ? Anonymous : Roles.GetValueOrDefault(caller.Role, AccessScope.None);

    public AccessScope For(ActorRole role) => Roles.GetValueOrDefault(role, AccessScope.None);

    /// <summary>The roles with some scope, in the matrix's column order.</summary>
    public IReadOnlyList<ActorRole> AllowedRoles =>
        AuthorizationMatrix.Roles.Where(role => For(role) != AccessScope.None).ToList();
}
