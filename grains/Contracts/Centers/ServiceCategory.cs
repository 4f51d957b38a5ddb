namespace Actors.Contracts.Centers;

/// <summary>Administrative and judicial services are kept apart (DOMAIN.md §3).</summary>
public enum ServiceCategory
{
    Administrative,
    Judicial,
}
