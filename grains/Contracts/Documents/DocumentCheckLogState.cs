namespace Actors.Contracts.Documents;

[GenerateSerializer]
public sealed class DocumentCheckLogState
{
    [Id(0)] public List<DocumentCheck> Checks { get; set; } = [];

    /// <summary>Checks older than the kept window, counted but no longer listed.</summary>
    [Id(1)] public long Dropped { get; set; }
}
