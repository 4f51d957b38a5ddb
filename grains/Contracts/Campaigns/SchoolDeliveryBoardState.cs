namespace Actors.Contracts.Campaigns;

/// <summary>One school's delivery rounds in one campaign and, per card in an open round, that round. JSON; members only added.</summary>
[GenerateSerializer]
public sealed class SchoolDeliveryBoardState
{
    [Id(0)] public List<Guid> Rounds { get; set; } = [];
    [Id(1)] public Dictionary<Guid, Guid> OpenCards { get; set; } = [];
}
