namespace Actors.Contracts.Errors;

/// <summary>
/// Thrown (and serialized across silos) when a command is refused before anything changes.
/// The GraphQL layer turns it into a typed payload error, never a bare string.
/// </summary>
[GenerateSerializer]
public sealed class DomainException : Exception
{
    public DomainException(DomainError error) : base(error.Message) => Error = error;

    public DomainException() : base("Domain error") => Error = DomainError.Of(ErrorCodes.ValidationFailed, "Domain error");

    public DomainException(string message) : base(message) => Error = DomainError.Of(ErrorCodes.ValidationFailed, message);

    public DomainException(string message, Exception innerException) : base(message, innerException) =>
        Error = DomainError.Of(ErrorCodes.ValidationFailed, message);

    [Id(0)]
    public DomainError Error { get; }

    /// <summary>
    /// None. A refusal is an outcome, not a fault: its code, message and parameters say all there is to say. Orleans sends
    /// an exception's stack trace with it, and formatting one (reflection over every async frame) for each refusal a silo
    /// answered — SLOT_FULL while a campaign's bookings race for the same slots, VERSION_MISMATCH — was a tenth of what
    /// the silo allocated in the bookings bench (docs/benchmarks.md, session 34). The wire format is unchanged: the
    /// trace's field is sent empty, as a previous release reads it.
    /// </summary>
    public override string? StackTrace => null;
}
