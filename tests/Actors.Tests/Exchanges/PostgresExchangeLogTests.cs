using Actors.Contracts.Interop.Exchanges;
using Actors.Persistence.Exchanges;
using Actors.Tests.Infrastructure;
using Npgsql;

namespace Actors.Tests.Exchanges;

/// <summary>The exchange log contract against PostgreSQL: each test gets a freshly migrated database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresExchangeLogTests(PostgresServer server) : ExchangeLogContractTests, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override async Task<IExchangeLog> CreateLogAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        _dataSources.Add(dataSource);
        return new PostgresExchangeLog(dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
