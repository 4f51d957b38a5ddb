namespace Actors.Tests.Funds;

[CollectionDefinition(Name)]
public sealed class FundClusterCollection : ICollectionFixture<FundClusterFixture>
{
    public const string Name = "funds-cluster";
}
