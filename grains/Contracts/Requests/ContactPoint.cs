namespace Actors.Contracts.Requests;

/// <summary>Where notifications go. Both optional; neither is ever shown in lists.</summary>
[GenerateSerializer, Immutable]
public sealed record ContactPoint(
    [property: Id(0)] string? Email,
    [property: Id(1)] string? Phone,
    [property: Id(2)] string PreferredLanguage);
