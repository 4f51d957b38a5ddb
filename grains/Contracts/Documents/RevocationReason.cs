namespace Actors.Contracts.Documents;

/// <summary>Why a supervisor withdrew a document before it expired.</summary>
public enum RevocationReason
{
    /// <summary>Issued by mistake (wrong request, wrong holder).</summary>
    IssuedInError,

    /// <summary>The holder's civil-registry data was corrected after issue; a new extract is needed.</summary>
    HolderDataCorrected,

    /// <summary>The request behind it is under investigation for identity fraud.</summary>
    FraudSuspected,

    /// <summary>A court decision recorded after issue changes what the extract would say.</summary>
    CourtDecision,
}
