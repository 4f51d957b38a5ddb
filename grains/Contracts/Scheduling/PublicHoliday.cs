namespace Actors.Contracts.Scheduling;

/// <summary>A national public holiday: every center is closed that day.</summary>
[GenerateSerializer, Immutable]
public sealed record PublicHoliday(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string NameAr,
    [property: Id(2)] string NameFr);
