namespace Actors.Api.TrustedDocuments;

/// <summary>The <c>extensions.code</c> of a request refused by the trusted-documents mode (the names Apollo's clients know).</summary>
public static class TrustedDocumentCodes
{
    /// <summary>The hash names no registered operation.</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>The caller sent a document of its own where only registered operations, by hash, are accepted.</summary>
    public const string PersistedQueryRequired = "PERSISTED_QUERY_REQUIRED";
}
