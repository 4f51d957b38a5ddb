namespace Actors.Contracts.Centers.Events;

/// <summary>An operator registered the center, in PLANNED phase.</summary>
public sealed record CenterRegistered(
    string Actor,
    long Version,
    DateTimeOffset At,
    ServiceCenterView Center) : ICenterEvent;
