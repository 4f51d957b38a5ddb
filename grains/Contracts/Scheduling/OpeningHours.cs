namespace Actors.Contracts.Scheduling;

/// <summary>One session of a working day, in Africa/Tunis local time: [Opens, Closes).</summary>
[GenerateSerializer, Immutable]
public sealed record OpeningHours(
    [property: Id(0)] TimeOnly Opens,
    [property: Id(1)] TimeOnly Closes);
