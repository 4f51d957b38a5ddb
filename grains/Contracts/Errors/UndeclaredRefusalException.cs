namespace Actors.Contracts.Errors;

/// <summary>
/// A grain tried to refuse an operation with a code the operation does not declare: the caller's
/// error union would not know it. A bug, surfaced loudly instead of a silent generic error.
/// </summary>
[GenerateSerializer]
public sealed class UndeclaredRefusalException : InvalidOperationException
{
    public UndeclaredRefusalException(string operation, string code)
        : base($"{operation} raised {code}, which it does not declare among its refusals.")
    {
        Operation = operation;
        Code = code;
    }

    public UndeclaredRefusalException() : this("unknown", "unknown")
    {
    }

    public UndeclaredRefusalException(string message) : base(message)
    {
        Operation = "unknown";
        Code = "unknown";
    }

    public UndeclaredRefusalException(string message, Exception innerException) : base(message, innerException)
    {
        Operation = "unknown";
        Code = "unknown";
    }

    [Id(0)]
    public string Operation { get; } = "unknown";

    [Id(1)]
    public string Code { get; } = "unknown";
}
