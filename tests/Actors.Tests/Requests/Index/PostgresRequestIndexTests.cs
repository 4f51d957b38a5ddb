using Actors.Contracts.Requests.Index;
using Actors.Persistence.Requests;
using Actors.Tests.Infrastructure;
using Npgsql;

namespace Actors.Tests.Requests.Index;

/// <summary>The request index contract against PostgreSQL: each test gets a freshly migrated database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRequestIndexTests(PostgresServer server) : RequestIndexContractTests, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override async Task<IRequestIndex> CreateIndexAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        _dataSources.Add(dataSource);
        return new PostgresRequestIndex(dataSource);
    }

    /// <summary>PostgreSQL neither detoasts nor sends them: the page's rows come back without their documents.</summary>
    protected override void AssertDocumentsLeftUnread(IReadOnlyList<RequestIndexEntry> page) => Assert.All(page, e => Assert.Null(e.Document));

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
