namespace Actors.Api.Documents;

public sealed class CreateDocumentDownloadLinkInput
{
    public string Number { get; set; } = "";
}
