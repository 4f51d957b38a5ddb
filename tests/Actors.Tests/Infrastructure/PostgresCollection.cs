namespace Actors.Tests.Infrastructure;

/// <summary>Tests that share one throwaway PostgreSQL server (and take fresh databases from it as they need).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
