namespace Actors.Contracts.Documents;

/// <summary>The answer to an online check (null when the code is unknown or the birth date does not match), or how long to wait.</summary>
[GenerateSerializer, Immutable]
public sealed record DocumentCheckResult(
    [property: Id(0)] DocumentCheckAnswer? Answer,
    [property: Id(1)] TimeSpan? RetryAfter);
