namespace Actors.Tests.Transport;

/// <summary>One transport test host for all transport test classes: starting Kestrel once is enough.</summary>
[CollectionDefinition(Name)]
public sealed class TransportCollection : ICollectionFixture<TransportTestHost>
{
    public const string Name = "Transport";
}
