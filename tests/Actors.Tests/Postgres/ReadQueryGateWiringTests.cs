using Actors.Contracts.ReadModels;
using Actors.Contracts.Requests.Index;
using Actors.Persistence;
using Actors.Persistence.ReadModels;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Tests.Postgres;

/// <summary>
/// ReadModels:MaxConcurrentQueries as a host wires it (AddActorsPostgresReadModels): the request index's pages and
/// counts take their turn at the host's one gate, against a real PostgreSQL; the setting's default and refusal.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadQueryGateWiringTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_and_counts_wait_for_a_turn_at_the_hosts_gate()
    {
        await using var services = Services(await server.CreateDatabaseAsync(), "1");
        var gate = services.GetRequiredService<ReadQueryGate>();
        var index = services.GetRequiredService<IRequestIndex>();
        Assert.Equal(1, gate.Limit);

        var held = await gate.EnterAsync(Cancel);
        var page = index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), RequestOrder.Default, First: 10), Cancel);
        var counts = index.CountAsync(new RequestFilter(), [RequestDimension.Status], Cancel);
        await Task.Delay(300, Cancel);
        Assert.False(page.IsCompleted, "a page ran while the only turn was taken");
        Assert.False(counts.IsCompleted, "a count ran while the only turn was taken");

        held.Dispose();
        Assert.Empty((await page).Items);
        Assert.Equal(0, (await counts).Total);

        // Each left its turn when its reader closed: the gate's one slot is free again.
        var entering = gate.EnterAsync(Cancel);
        Assert.True(entering.IsCompleted);
        (await entering).Dispose();
    }

    [Fact]
    public async Task Four_queries_at_once_unless_set_and_a_negative_setting_is_refused_by_name()
    {
        await using (var defaults = Services("Host=127.0.0.1;Database=unused", null))
        {
            Assert.Equal(ReadModelOptions.DefaultMaxConcurrentQueries, defaults.GetRequiredService<ReadQueryGate>().Limit);
            Assert.Equal(4, ReadModelOptions.DefaultMaxConcurrentQueries);
        }

        await using (var unbounded = Services("Host=127.0.0.1;Database=unused", "0"))
        {
            Assert.Equal(0, unbounded.GetRequiredService<ReadQueryGate>().Limit);
        }

        await using var refused = Services("Host=127.0.0.1;Database=unused", "-2");
        var error = Assert.Throws<OptionsValidationException>(() => refused.GetRequiredService<IOptions<ReadModelOptions>>().Value);
        Assert.Contains("ReadModels:MaxConcurrentQueries", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(string connectionString, string? maxConcurrentQueries)
    {
        var settings = new Dictionary<string, string?>();
        if (maxConcurrentQueries is not null)
        {
            settings["ReadModels:MaxConcurrentQueries"] = maxConcurrentQueries;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddActorsPostgresReadModels(connectionString)
            .BuildServiceProvider();
    }
}
