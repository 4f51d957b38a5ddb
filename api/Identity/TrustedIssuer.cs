using Actors.Contracts.Identity;

namespace Actors.Api.Identity;

/// <summary>
/// One issuer whose tokens the API accepts: its exact <c>iss</c>, the audience its tokens must name, the keys and
/// algorithms they are signed with, and the roles it may assert. A token is only ever checked against the issuer its
/// own <c>iss</c> names.
/// </summary>
public sealed class TrustedIssuer(
    string name,
    string issuer,
    string audience,
    IIssuerKeys keys,
    IReadOnlyCollection<string> algorithms,
    IReadOnlySet<ActorRole> roles,
    ActorRole? impliedRole,
    string roleClaim)
{
    /// <summary>The configuration name ("citizens", "staff", or "local" for our own).</summary>
    public string Name { get; } = name;

    public string Issuer { get; } = issuer;

    public string Audience { get; } = audience;

    public IIssuerKeys Keys { get; } = keys;

    public IReadOnlyCollection<string> Algorithms { get; } = algorithms;

    public IReadOnlySet<ActorRole> Roles { get; } = roles;

    public ActorRole? ImpliedRole { get; } = impliedRole;

    public string RoleClaim { get; } = roleClaim;
}
