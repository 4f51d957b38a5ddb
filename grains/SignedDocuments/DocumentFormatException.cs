namespace Actors.SignedDocuments;

/// <summary>Input that is not a document in the v1 format: a bad prefix, Base45, zlib stream, COSE or CBOR structure.</summary>
public sealed class DocumentFormatException : Exception
{
    public DocumentFormatException()
    {
    }

    public DocumentFormatException(string message)
        : base(message)
    {
    }

    public DocumentFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
