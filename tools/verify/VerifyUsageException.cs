namespace Actors.Verify;

/// <summary>A problem with what the user gave (arguments, a file, the keys), not with the document: exit code 2.</summary>
public sealed class VerifyUsageException : Exception
{
    public VerifyUsageException()
    {
    }

    public VerifyUsageException(string message)
        : base(message)
    {
    }

    public VerifyUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
