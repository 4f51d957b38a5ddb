namespace Actors.Contracts.Centers.Events;

/// <summary>The center's kind or services changed (e.g. an upgrade to MODEL_OFFICE).</summary>
public sealed record CenterServicesChanged(
    string Actor,
    long Version,
    DateTimeOffset At,
    CenterKind Kind,
    string? Reason,
    ServiceCenterView Center) : ICenterEvent;
