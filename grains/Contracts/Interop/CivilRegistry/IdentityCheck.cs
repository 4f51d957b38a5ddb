namespace Actors.Contracts.Interop.CivilRegistry;

/// <summary>The registry's answer on an identity; <c>MismatchedField</c> names the input field that differs (e.g. <c>applicant.birthDate</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record IdentityCheck(
    [property: Id(0)] IdentityOutcome Outcome,
    [property: Id(1)] string? MismatchedField = null);
