namespace Actors.Contracts.Documents;

[GenerateSerializer]
public sealed class DocumentHolderState
{
    /// <summary>The holder's documents, by number, with their issue time.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset> Documents { get; set; } = [];
}
