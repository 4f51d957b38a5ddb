namespace Actors.Contracts.Scheduling;

/// <summary>The sessions of one weekday (none: closed that weekday).</summary>
[GenerateSerializer, Immutable]
public sealed record DayHours(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] IReadOnlyList<OpeningHours> Sessions);
