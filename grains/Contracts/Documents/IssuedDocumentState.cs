namespace Actors.Contracts.Documents;

[GenerateSerializer]
public sealed class IssuedDocumentState
{
    [Id(0)] public IssuedDocument? Document { get; set; }
    [Id(1)] public DateOnly HolderBirthDate { get; set; }
    [Id(2)] public Guid RequestId { get; set; }
}
