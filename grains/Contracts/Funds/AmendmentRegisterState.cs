namespace Actors.Contracts.Funds;

/// <summary>The stored amendment register of one year (JSON; members are only ever added).</summary>
[GenerateSerializer]
public sealed class AmendmentRegisterState
{
    [Id(0)] public Dictionary<Guid, FundAmendment> Amendments { get; set; } = [];
}
