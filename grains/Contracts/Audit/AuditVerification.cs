namespace Actors.Contracts.Audit;

/// <summary>What walking the chain found: how many entries held, and the first break if any.</summary>
public sealed record AuditVerification(long EntriesChecked, AuditChainBreak? Break)
{
    public bool Intact => Break is null;
}
