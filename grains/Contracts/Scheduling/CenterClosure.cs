namespace Actors.Contracts.Scheduling;

/// <summary>A center's own closure, both days included (works, an outage, a local event), entered by an operator.</summary>
[GenerateSerializer, Immutable]
public sealed record CenterClosure(
    [property: Id(0)] string Id,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] string Reason)
{
    public bool Covers(DateOnly day) => day >= From && day <= To;
}
