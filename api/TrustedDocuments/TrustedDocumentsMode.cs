namespace Actors.Api.TrustedDocuments;

/// <summary>Which callers may run only the registered operations of <c>operations/</c> (<c>GraphQL:TrustedDocuments:Mode</c>).</summary>
public enum TrustedDocumentsMode
{
    /// <summary>Everyone may send ad-hoc documents (within the cost limits); registered operations also run by hash.</summary>
    Off,

    /// <summary>Anonymous callers and citizens send registered operations by hash only; staff roles keep ad-hoc documents.</summary>
    PublicAndCitizens,

    /// <summary>Every caller, staff included, sends registered operations by hash only.</summary>
    Everyone,
}
