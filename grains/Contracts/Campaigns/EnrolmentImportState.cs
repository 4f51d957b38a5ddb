namespace Actors.Contracts.Campaigns;

/// <summary>The import's document as stored. JSON; members only added.</summary>
[GenerateSerializer]
public sealed class EnrolmentImportState
{
    [Id(0)] public EnrolmentImportView? View { get; set; }
}
