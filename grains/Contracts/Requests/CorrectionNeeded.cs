namespace Actors.Contracts.Requests;

/// <summary>What the citizen must correct: a typed code, the input field concerned (e.g. <c>applicant.birthDate</c>), and the reason in words.</summary>
[GenerateSerializer, Immutable]
public sealed record CorrectionNeeded(
    [property: Id(0)] CorrectionCode Code,
    [property: Id(1)] string? Field,
    [property: Id(2)] string Reason);
