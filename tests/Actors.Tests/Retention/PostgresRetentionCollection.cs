namespace Actors.Tests.Retention;

[CollectionDefinition(Name)]
public sealed class PostgresRetentionCollection : ICollectionFixture<PostgresRetentionFixture>
{
    public const string Name = "retention-postgres";
}
