namespace Actors.Tests.Payments;

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayHost>
{
    public const string Name = "payment-gateway";
}
