using Actors.Contracts.Naming;

namespace Actors.Contracts.Identity;

/// <summary>
/// Who is calling. Passed explicitly to every grain command so that each recorded event says
/// who caused it, and so that scope checks (own request, own center, own governorate) happen
/// in the grain, where the data is. A caller is the pair (<see cref="Issuer"/>, <see cref="Subject"/>):
/// the same subject from two issuers is two people. A citizen's token also carries the national ID
/// number, which is how a walk-in submission made by an agent is matched to its citizen.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Actor(
    [property: Id(0)] string Subject,
    [property: Id(1)] ActorRole Role,
    [property: Id(2)] string? CenterId = null,
    [property: Id(3)] string? Governorate = null,
    [property: Id(4)] string Issuer = "",
    [property: Id(5)] string? NationalIdNumber = null)
{
    public static Actor System(string component) => new($"system:{component}", ActorRole.System);

    /// <summary>How the actor is written in histories: role (as the schema spells it, e.g. FUND_MANAGER) and subject, never a name.</summary>
    public string Describe() => $"{SchemaText.Of(Role)}:{Subject}";

    /// <summary>
    /// Whether a recorded actor is this one, as this release writes it or as the previous release did
    /// (the role upper-cased without underscores, e.g. FUNDMANAGER): a step retried across an upgrade is
    /// still recognised as the same caller's retry.
    /// </summary>
    public bool IsDescribedBy(string? recorded) =>
        recorded == Describe() || recorded == $"{Role.ToString().ToUpperInvariant()}:{Subject}";
}
