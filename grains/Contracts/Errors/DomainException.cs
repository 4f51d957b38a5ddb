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
}
