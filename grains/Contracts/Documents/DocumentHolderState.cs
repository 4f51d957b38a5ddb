namespace Actors.Contracts.Documents;

[GenerateSerializer]
public sealed class DocumentHolderState
{
    /// <summary>The holder's documents in the order they were recorded.</summary>
    [Id(0)] public List<HolderDocument> Documents { get; set; } = [];
}
