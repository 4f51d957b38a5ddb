using Actors.Contracts.Funds.Index;
using Actors.Persistence.Funds;
using Actors.Tests.Infrastructure;
using Npgsql;

namespace Actors.Tests.Funds;

/// <summary>The allocation index contract against PostgreSQL: each test gets a freshly migrated database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAllocationIndexTests(PostgresServer server) : AllocationIndexContractTests, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override async Task<IAllocationIndex> CreateIndexAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        _dataSources.Add(dataSource);
        return new PostgresAllocationIndex(dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
