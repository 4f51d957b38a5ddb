namespace Actors.Tests.TrustedDocuments;

[CollectionDefinition(Name)]
public sealed class TrustedDocumentsCollection : ICollectionFixture<TrustedDocumentsApiFactory>
{
    public const string Name = "trusted-documents-api";
}
