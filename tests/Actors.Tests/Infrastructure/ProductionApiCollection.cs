namespace Actors.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ProductionApiCollection : ICollectionFixture<ProductionApiFactory>
{
    public const string Name = "production-api";
}
