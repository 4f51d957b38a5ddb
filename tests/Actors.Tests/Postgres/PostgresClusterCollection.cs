namespace Actors.Tests.Postgres;

/// <summary>Tests sharing one two-silo cluster on PostgreSQL.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "PostgreSQL cluster";
}
