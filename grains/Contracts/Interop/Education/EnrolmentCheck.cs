namespace Actors.Contracts.Interop.Education;

/// <summary>The register's answer: the outcome, and for an enrolled pupil the level and school year (e.g. 2026 for 2026–2027).</summary>
[GenerateSerializer, Immutable]
public sealed record EnrolmentCheck(
    [property: Id(0)] EnrolmentOutcome Outcome,
    [property: Id(1)] string? Level = null,
    [property: Id(2)] int? SchoolYear = null);
