namespace Actors.Tests.Funds;

[CollectionDefinition(Name)]
public sealed class FundApiCollection : ICollectionFixture<FundApiFactory>
{
    public const string Name = "funds-api";
}
