namespace Actors.Contracts.Documents;

/// <summary>How an online check ended, as the check log records it (the caller sees only an answer or nothing).</summary>
public enum DocumentCheckOutcome
{
    Matched,
    BirthDateMismatch,
    UnknownCode,
    RateLimited,
}
