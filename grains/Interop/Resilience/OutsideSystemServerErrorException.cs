using Actors.Contracts.Interop;

namespace Actors.Interop.Resilience;

/// <summary>
/// An outside system answered with a server error (HTTP 5xx or its equivalent): what a client, sandbox or
/// real, throws so that the resilience retries it (idempotent calls), counts it towards the circuit breaker,
/// and finally reports <c>server-error</c>.
/// </summary>
public sealed class OutsideSystemServerErrorException : Exception
{
    public OutsideSystemServerErrorException()
    {
    }

    public OutsideSystemServerErrorException(string message)
        : base(message)
    {
    }

    public OutsideSystemServerErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutsideSystemServerErrorException(OutsideSystem system, int statusCode)
        : base($"{system} answered {statusCode}.")
    {
        System = system;
        StatusCode = statusCode;
    }

    public OutsideSystem System { get; }

    public int StatusCode { get; }
}
